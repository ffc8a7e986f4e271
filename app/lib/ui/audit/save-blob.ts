/** Hands a file to the browser's download through a short-lived Blob URL. */
export function saveBlob(name: string, blob: Blob): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
	// Revoking at once can cancel the download in some browsers; a tick later is enough.
	setTimeout(() => URL.revokeObjectURL(url), 0);
}
