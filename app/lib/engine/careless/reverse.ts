/** A copy of the matrix with the `reversed` items recoded as min + max − x. */
export function reverseItems(
	matrix: Float64Array,
	n: number,
	k: number,
	reversed: number[],
	scale: [number, number]
): Float64Array {
	const out = Float64Array.from(matrix);
	const total = scale[0] + scale[1];
	for (const j of reversed) {
		for (let r = 0; r < n; r++) out[r * k + j] = total - out[r * k + j];
	}
	return out;
}
