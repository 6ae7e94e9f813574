import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API process serves web/dist itself (src/server/explorer), so the app is built for `/` on the
// same origin as /graphql; `npm run dev:web` proxies /graphql to a running API instead.
export default defineConfig({
  root: __dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Phones on slow links are the reason for the size budget; a warning past it is a prompt to look.
    chunkSizeWarningLimit: 600,
    sourcemap: false,
  },
  server: {
    proxy: { '/graphql': process.env.REELGRAPH_API ?? 'http://localhost:4000' },
  },
});
