import { mount } from 'svelte';
import './styles/app.css';
import './styles/print.css';
import App from './App.svelte';
import { initPrefs } from './state/prefs.svelte';
import { startRouter } from './router.svelte';

await initPrefs();
startRouter();

const target = document.getElementById('app');
if (!target) throw new Error('#app missing');
export default mount(App, { target });
