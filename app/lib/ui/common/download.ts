/** Saves a Blob through the browser's download, without any network. */
export function download(blob: Blob, name: string): void {
	const a = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: name });
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
