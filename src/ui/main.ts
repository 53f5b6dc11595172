// Placeholder shell; the UI issue replaces it.
const el = document.getElementById('app');
if (el) el.textContent = 'CarbonBridge 碳桥 · جسر الكربون';
