import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		sveltekit(),
		SvelteKitPWA({
			registerType: 'autoUpdate',
			injectRegister: false,
			// SvelteKit's relative base made the manifest link and sw.js resolve under /project/<id>/ (404 there)
			buildBase: '/',
			kit: { adapterFallback: '200.html', spa: true },
			manifest: {
				name: 'Sieve — survey data cleaning',
				short_name: 'Sieve',
				description: 'Check and clean survey data in your browser',
				theme_color: '#1f4e5f',
				background_color: '#ffffff',
				display: 'standalone',
				icons: [
					{ src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
					{ src: '/icon-512.png', sizes: '512x512', type: 'image/png' }
				]
			},
			workbox: {
				globPatterns: ['client/**/*.{js,mjs,css,html,wasm,onnx,svg,png,woff2,ttf,webmanifest}', 'prerendered/**/*.html'],
				// DuckDB's wasm alone is ~34 MB
				maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
				navigateFallback: '/200.html'
			}
		})
	],
	worker: { format: 'es' },
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'onnxruntime-web', 'parquet-wasm'] },
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/contract/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60000,
		hookTimeout: 60000
	}
});
