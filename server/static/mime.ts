const TYPES: Record<string, string> = {
	html: 'text/html; charset=utf-8',
	js: 'text/javascript; charset=utf-8',
	mjs: 'text/javascript; charset=utf-8',
	css: 'text/css; charset=utf-8',
	json: 'application/json; charset=utf-8',
	map: 'application/json; charset=utf-8',
	webmanifest: 'application/manifest+json; charset=utf-8',
	txt: 'text/plain; charset=utf-8',
	xml: 'application/xml; charset=utf-8',
	svg: 'image/svg+xml',
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	gif: 'image/gif',
	webp: 'image/webp',
	ico: 'image/x-icon',
	woff: 'font/woff',
	woff2: 'font/woff2',
	wasm: 'application/wasm',
	onnx: 'application/octet-stream',
	parquet: 'application/vnd.apache.parquet',
	csv: 'text/csv; charset=utf-8'
};

/** Content type for a file name, by extension; `application/octet-stream` when unknown. */
export function contentType(file: string): string {
	const dot = file.lastIndexOf('.');
	return (dot >= 0 && TYPES[file.slice(dot + 1).toLowerCase()]) || 'application/octet-stream';
}
