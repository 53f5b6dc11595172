/// <reference types="svelte" />
/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

declare module 'virtual:samples' {
  export interface SampleInfo {
    file: string;
    title?: string;
    illustrative?: string;
    name: { zh?: string; en?: string; ar?: string };
    cnCode?: string;
    functionalUnit?: { amount: number; unit: string };
    inventoryLines: number;
    producer?: string;
    region?: string;
    broken?: boolean;
  }
  const samples: SampleInfo[];
  export default samples;
}
