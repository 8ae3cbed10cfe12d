import { defineConfig } from "vitest/config";

// The build lands in the gateway's classpath (target/classes/static), so Spring Boot serves it at /.
// No @vitejs/plugin-react: Vite's own transform handles TSX with React's automatic runtime, and
// one plugin fewer is one download fewer on a fresh machine.
export default defineConfig({
  base: "/",
  build: {
    outDir: "../../../target/classes/static",
    emptyOutDir: true,
    // No inline <script>/<style> ever: the gateway's CSP (default-src 'self') would refuse them.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  oxc: { jsx: { runtime: "automatic" } },
  server: {
    // `npm run dev` against a gateway on :8080 (its session cookie works on the same host name).
    proxy: { "/api": "http://localhost:8080", "/oauth2": "http://localhost:8080", "/login": "http://localhost:8080", "/logout": "http://localhost:8080" },
  },
  test: {
    environment: "jsdom",
    globals: true,
    include: ["src/**/*.test.tsx", "src/**/*.test.ts"],
    restoreMocks: true,
  },
});
