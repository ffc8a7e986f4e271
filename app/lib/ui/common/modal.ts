/**
 * A confirmation `<dialog>` as an attachment: shown modal, Escape cancels, Enter (outside a
 * button) confirms, Tab stays inside. `showModal` makes the page inert, but Tab would still leave
 * for the browser's own controls. Callbacks are read when fired, so they may close over state.
 * @example <dialog {@attach modal({ onconfirm: () => ok(override), oncancel })}>
 */
export function modal(opts: { onconfirm: () => void; oncancel: () => void }) {
	return (dialog: HTMLDialogElement) => {
		const keydown = (e: KeyboardEvent) => {
			e.stopPropagation();
			if (e.key === 'Escape') {
				e.preventDefault();
				opts.oncancel();
			} else if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
				e.preventDefault();
				opts.onconfirm();
			} else if (e.key === 'Tab') trap(dialog, e);
		};
		const cancel = (e: Event) => {
			e.preventDefault();
			opts.oncancel();
		};
		dialog.addEventListener('keydown', keydown);
		dialog.addEventListener('cancel', cancel);
		dialog.showModal();
		return () => {
			dialog.removeEventListener('keydown', keydown);
			dialog.removeEventListener('cancel', cancel);
			dialog.close();
		};
	};
}

function trap(dialog: HTMLDialogElement, e: KeyboardEvent) {
	const items = [...dialog.querySelectorAll<HTMLElement>('button, input, [tabindex]:not([tabindex="-1"])')].filter(
		(el) => !el.hasAttribute('disabled')
	);
	if (items.length === 0) return;
	const first = items[0];
	const last = items[items.length - 1];
	if (e.shiftKey && document.activeElement === first) {
		e.preventDefault();
		last.focus();
	} else if (!e.shiftKey && document.activeElement === last) {
		e.preventDefault();
		first.focus();
	}
}
