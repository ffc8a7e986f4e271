import type Database from 'better-sqlite3';
import type { AlertFiring, AlertRule, AlertRuleInput } from '../protocol/logs';

export interface AlertStore {
	add(rule: AlertRuleInput, id: string, at: number): AlertRule;
	list(): AlertRule[];
	remove(id: string): boolean;
	/** When the rule last fired (ms epoch), for throttling. */
	lastFired(id: string): number | null;
	record(firing: Omit<AlertFiring, 'id' | 'at'>, at: number): AlertFiring;
	history(limit: number): AlertFiring[];
}

interface RuleRow {
	id: string;
	name: string;
	metric: string;
	op: AlertRule['op'];
	threshold: number;
	window_s: number;
	throttle_s: number;
	hook: string;
	created_at: number;
}

const toRule = (r: RuleRow): AlertRule => ({
	id: r.id,
	name: r.name,
	metric: r.metric,
	op: r.op,
	threshold: r.threshold,
	windowS: r.window_s,
	throttleS: r.throttle_s,
	hook: r.hook,
	createdAt: new Date(r.created_at).toISOString()
});

/** Alert rules and their firing history in the relay's SQLite file (tables prefixed `alerts_`). */
export function createAlertStore(db: Database.Database): AlertStore {
	db.exec(`
		CREATE TABLE IF NOT EXISTS alerts_rules (
			id TEXT PRIMARY KEY,
			name TEXT NOT NULL,
			metric TEXT NOT NULL,
			op TEXT NOT NULL,
			threshold REAL NOT NULL,
			window_s INTEGER NOT NULL,
			throttle_s INTEGER NOT NULL,
			hook TEXT NOT NULL,
			created_at INTEGER NOT NULL
		);
		CREATE TABLE IF NOT EXISTS alerts_history (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			rule TEXT NOT NULL,
			name TEXT NOT NULL,
			metric TEXT NOT NULL,
			value REAL NOT NULL,
			threshold REAL NOT NULL,
			op TEXT NOT NULL,
			at INTEGER NOT NULL
		);
		CREATE INDEX IF NOT EXISTS alerts_history_rule ON alerts_history (rule, at);
	`);
	const insertRule = db.prepare(
		'INSERT INTO alerts_rules (id, name, metric, op, threshold, window_s, throttle_s, hook, created_at) VALUES (@id, @name, @metric, @op, @threshold, @windowS, @throttleS, @hook, @at)'
	);
	const rules = db.prepare<[], RuleRow>('SELECT * FROM alerts_rules ORDER BY created_at, rowid');
	const deleteRule = db.prepare<[string]>('DELETE FROM alerts_rules WHERE id = ?');
	const last = db.prepare<[string], { at: number | null }>('SELECT max(at) AS at FROM alerts_history WHERE rule = ?');
	const insertFiring = db.prepare(
		'INSERT INTO alerts_history (rule, name, metric, value, threshold, op, at) VALUES (@rule, @name, @metric, @value, @threshold, @op, @at)'
	);
	const history = db.prepare<[number], Omit<AlertFiring, 'at'> & { at: number }>('SELECT * FROM alerts_history ORDER BY id DESC LIMIT ?');

	return {
		add(rule, id, at) {
			insertRule.run({ ...rule, id, at });
			return toRule({
				id,
				name: rule.name,
				metric: rule.metric,
				op: rule.op,
				threshold: rule.threshold,
				window_s: rule.windowS,
				throttle_s: rule.throttleS,
				hook: rule.hook,
				created_at: at
			});
		},
		list: () => rules.all().map(toRule),
		remove: (id) => deleteRule.run(id).changes > 0,
		lastFired: (id) => last.get(id)?.at ?? null,
		record(firing, at) {
			const id = Number(insertFiring.run({ ...firing, at }).lastInsertRowid);
			return { ...firing, id, at: new Date(at).toISOString() };
		},
		history: (limit) => history.all(limit).map((h) => ({ ...h, at: new Date(h.at).toISOString() }))
	};
}
