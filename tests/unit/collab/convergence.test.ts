import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TYPES, migrate } from '../../../app/lib/collab/doc';
import {
	addComment,
	assign,
	proposeDecisions,
	readAssignments,
	readComments,
	readDecisions,
	reviewDecisions,
	setReviewStatus,
	unassign,
	withdrawDecisions,
	findingKey
} from '../../../app/lib/collab/ops';
import type { DecisionInput, ReviewState } from '../../../app/lib/collab/types';
import { createUndo } from '../../../app/lib/collab/undo';

const PEERS = 5;
const ACTIONS = ['exclude', 'keep', 'set-missing', 'edit-value', 'merge-categories'] as const;
const STATES: ReviewState[] = ['open', 'in-review', 'done', 'needs-discussion'];

type Step =
	| { kind: 'op'; peer: number; op: number; a: number; b: number }
	| { kind: 'deliver'; pick: number; duplicate: boolean }
	| { kind: 'toggle'; peer: number };

const step: fc.Arbitrary<Step> = fc.oneof(
	{
		weight: 5,
		arbitrary: fc.record({ kind: fc.constant('op' as const), peer: fc.nat(PEERS - 1), op: fc.nat(9), a: fc.nat(40), b: fc.nat(40) })
	},
	{ weight: 6, arbitrary: fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat(), duplicate: fc.boolean() }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('toggle' as const), peer: fc.nat(PEERS - 1) }) }
);

function decisionInput(a: number, b: number): DecisionInput {
	const action = ACTIONS[a % ACTIONS.length];
	const respondent = b % 2 ? b : `r${b}`;
	switch (action) {
		case 'exclude':
		case 'keep':
			return { target: { respondent }, action, reason: `reason ${a}` };
		case 'set-missing':
			return { target: { variable: `q${b % 4}` }, action, from: [-9], reason: 'code' };
		case 'edit-value':
			return { target: { respondent, variable: `q${a % 4}` }, action, value: a, reason: 'typo' };
		case 'merge-categories':
			return { target: { variable: `q${b % 4}`, category: [1, 2] }, action, to: 1, reason: 'same' };
	}
}

/** Everything a replica shows, as plain data (key order of maps ignored). */
function snapshot(doc: Y.Doc) {
	const sortMap = (m: Y.Map<unknown>) =>
		Object.fromEntries(
			[...m.entries()].sort(([x], [y]) => (x < y ? -1 : 1)).map(([k, v]) => [k, v instanceof Y.AbstractType ? v.toJSON() : v])
		);
	return {
		decisions: readDecisions(doc),
		comments: readComments(doc),
		assignments: readAssignments(doc),
		review: sortMap(doc.getMap(TYPES.review)),
		meta: sortMap(doc.getMap(TYPES.meta))
	};
}

function simulate(steps: Step[], seed: number) {
	const docs = Array.from({ length: PEERS }, (_, i) => {
		const doc = new Y.Doc();
		doc.clientID = 1000 + i;
		return doc;
	});
	const undos = docs.map(createUndo);
	const online = docs.map(() => true);
	const queue: { to: number; update: Uint8Array }[] = [];
	const created = { comments: new Set<string>() };
	let ids = 0;
	const actor = (peer: number) => ({
		name: `p${peer}`,
		now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, ids)),
		newId: () => `${seed}-${peer}-${++ids}`
	});

	docs.forEach((doc, from) =>
		doc.on('update', (update: Uint8Array) => {
			if (!online[from]) return;
			for (let to = 0; to < PEERS; to++) if (to !== from) queue.push({ to, update });
		})
	);
	docs.forEach((doc) => migrate(doc));

	const resync = (peer: number) => {
		for (let other = 0; other < PEERS; other++) {
			if (other === peer || !online[other]) continue;
			Y.applyUpdate(docs[other], Y.encodeStateAsUpdate(docs[peer], Y.encodeStateVector(docs[other])));
			Y.applyUpdate(docs[peer], Y.encodeStateAsUpdate(docs[other], Y.encodeStateVector(docs[peer])));
		}
	};

	for (const s of steps) {
		if (s.kind === 'toggle') {
			online[s.peer] = !online[s.peer];
			if (online[s.peer]) resync(s.peer);
			continue;
		}
		if (s.kind === 'deliver') {
			if (!queue.length) continue;
			const i = s.pick % queue.length;
			const { to, update } = queue[i];
			if (!s.duplicate) queue.splice(i, 1);
			if (online[to]) Y.applyUpdate(docs[to], update);
			continue;
		}
		const doc = docs[s.peer];
		const me = actor(s.peer);
		const existing = readDecisions(doc);
		const pickId = () => existing[s.b % existing.length].id;
		switch (s.op) {
			case 0:
			case 1:
				proposeDecisions(doc, me, [decisionInput(s.a, s.b)]);
				break;
			case 2:
				if (existing.length) reviewDecisions(doc, me, [pickId()], s.a % 2 ? 'approved' : 'sent-back', s.a % 3 ? 'note' : undefined);
				break;
			case 3:
				if (existing.length) withdrawDecisions(doc, [pickId()]);
				break;
			case 4:
				created.comments.add(addComment(doc, me, { respondent: s.b, check: s.a % 2 ? 'speeders' : undefined }, `look @p${s.a % PEERS}`).id);
				break;
			case 5:
				assign(doc, me, 1 + s.a, 1 + s.a + s.b, `p${s.b % PEERS}`);
				break;
			case 6: {
				const list = readAssignments(doc);
				if (list.length) unassign(doc, list[s.b % list.length].id);
				break;
			}
			case 7:
				setReviewStatus(
					doc,
					me,
					[{ key: findingKey({ respondent: s.b % 5, check: 'speeders' }), row: s.b % 5 }],
					STATES[s.a % STATES.length]
				);
				break;
			case 8:
				undos[s.peer].undo();
				break;
			case 9:
				undos[s.peer].redo();
				break;
		}
	}

	online.fill(true);
	for (let p = 0; p < PEERS; p++) resync(p);
	return { docs, created };
}

describe('convergence of the project doc', () => {
	it('5 replicas with random operations, delivery order, duplicates and disconnections end identical', () => {
		let seed = 0;
		let withDecisions = 0;
		fc.assert(
			fc.property(fc.array(step, { minLength: 20, maxLength: 250 }), (steps) => {
				const { docs, created } = simulate(steps, ++seed);
				const first = snapshot(docs[0]);
				for (const doc of docs.slice(1)) expect(snapshot(doc)).toEqual(first);
				const sv = Y.encodeStateVector(docs[0]);
				for (const doc of docs.slice(1)) expect(Y.encodeStateVector(doc)).toEqual(sv);
				// comments are never deleted except by their author's undo, so every one either survives or was undone locally
				const commentIds = new Set(first.comments.map((c) => c.id));
				for (const id of commentIds) expect(created.comments.has(id)).toBe(true);
				expect(first.meta).toEqual({ schemaVersion: 1 });
				if (first.decisions.length && first.comments.length) withDecisions++;
			}),
			{ numRuns: 300, seed: 20261122 }
		);
		expect(withDecisions).toBeGreaterThan(150);
	});

	it('a reviewer’s concurrent approve and send-back resolve the same way everywhere', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		const [id] = proposeDecisions(a, { name: 'rev' }, [{ target: { respondent: 1 }, action: 'exclude', reason: 'bot' }]);
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		reviewDecisions(a, { name: 'boss' }, [id], 'approved');
		reviewDecisions(b, { name: 'deputy' }, [id], 'sent-back', 'no');
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(readDecisions(a)).toEqual(readDecisions(b));
		expect(['approved', 'sent-back']).toContain(readDecisions(a)[0].status);
	});
});
