/**
 * Trains the audit event category model (naive Bayes) on simulated activity and writes
 * app/lib/audit/classify/category-model.json. Run: `npx tsx wasm-models/train-audit-category.ts`.
 * CI never trains; the JSON is committed. See wasm-models/audit-category.md.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATEGORY_RULES, type Category } from '../app/lib/audit/classify/categories';
import { eventTokens } from '../app/lib/audit/classify/features';
import { predictCategory } from '../app/lib/audit/classify/model';
import { trainCategoryModel, type Sample } from '../app/lib/audit/classify/train';
import type { DeviceEvent } from '../app/lib/audit/events';
import { simulateActivity } from '../app/lib/audit/simulate/activity';

const label = (e: DeviceEvent) => CATEGORY_RULES[e.type as keyof typeof CATEGORY_RULES] as Category;
const logs = (seeds: number[]) => seeds.flatMap((seed) => simulateActivity({ seed, days: 60, plant: 1 }).events);

// Each event twice: with its type, and with the type hidden, so the payload alone also predicts.
const samples: Sample[] = logs([101, 102, 103, 104, 105, 106]).flatMap((e) => [
	{ tokens: eventTokens(e), label: label(e) },
	{ tokens: eventTokens(e, false), label: label(e) }
]);
const model = trainCategoryModel(samples);

const heldOut = logs([201, 202]);
const accuracy = (withType: boolean) => {
	const perClass = new Map<Category, [number, number]>();
	let right = 0;
	for (const e of heldOut) {
		const { p } = predictCategory(model, eventTokens(e, withType));
		const guess = (Object.entries(p) as [Category, number][]).sort((a, b) => b[1] - a[1])[0][0];
		const [ok, n] = perClass.get(label(e)) ?? [0, 0];
		perClass.set(label(e), [ok + (guess === label(e) ? 1 : 0), n + 1]);
		if (guess === label(e)) right++;
	}
	return {
		all: right / heldOut.length,
		perClass: Object.fromEntries([...perClass].map(([c, [ok, n]]) => [c, Math.round((1000 * ok) / n) / 1000]))
	};
};
const hidden = accuracy(false);
model.metrics = {
	trainSamples: samples.length,
	heldOutEvents: heldOut.length,
	accuracyWithType: Math.round(1000 * accuracy(true).all) / 1000,
	accuracyTypeHidden: Math.round(1000 * hidden.all) / 1000,
	...Object.fromEntries(Object.entries(hidden.perClass).map(([c, a]) => [`typeHidden.${c}`, a]))
};
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '../app/lib/audit/classify/category-model.json');
writeFileSync(out, `${JSON.stringify(model)}\n`);
process.stdout.write(`${out}: ${Object.keys(model.tokens).length} tokens\n${JSON.stringify(model.metrics, null, 1)}\n`);
