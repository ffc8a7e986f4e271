import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
	preprocess: vitePreprocess(),
	kit: {
		// 'index.html' as fallback overwrote the prerendered home page (TOOLCHAIN.md, failure 4)
		adapter: adapter({ fallback: '200.html' }),
		files: { src: 'app', assets: 'static' },
		serviceWorker: { register: false }
	}
};
