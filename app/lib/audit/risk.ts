import type { AuditEvent } from './events';

export type RiskLevel = 'low' | 'medium' | 'high';
export type Risk = { level: RiskLevel; reasons: string[] };

export const RISK_RULES = {
	/** Excluding at least this many respondents in one action is a bulk exclusion. */
	bulkExclusion: 20,
	/** Setting keys whose change weakens privacy or integrity. */
	sensitiveSetting: /encrypt|passphrase|privacy|redact|relay|llm|share|role/i
};

const VALUE_CHANGES = new Set(['set-missing', 'recode', 'edit-value', 'merge-categories']);

/**
 * The risk of one event by fixed, explainable rules: high for bulk exclusions, deleted rules,
 * exports carrying identifying variables and privacy-relevant setting changes; medium for other
 * changes to data, rules, settings or approvals; low for everything that only reads or annotates.
 */
export function riskOf(event: Pick<AuditEvent, 'type' | 'payload'>, rules = RISK_RULES): Risk {
	const p = event.payload;
	switch (event.type) {
		case 'decision': {
			const count = Array.isArray(p.respondents) ? p.respondents.length : 0;
			if (p.action === 'exclude' && count >= rules.bulkExclusion) {
				return high(`bulk exclusion of ${count} respondents (${rules.bulkExclusion} or more)`);
			}
			if (p.action === 'exclude') return medium(`excludes ${count || 'a'} respondent${count === 1 ? '' : 's'}`);
			if (typeof p.action === 'string' && VALUE_CHANGES.has(p.action)) return medium(`changes data values (${p.action})`);
			return low();
		}
		case 'rule-change':
			if (p.op === 'delete') return high(`deletes rule ${String(p.rule)}`);
			return medium(`${p.op === 'add' ? 'adds' : 'edits'} rule ${String(p.rule)}`);
		case 'export': {
			const identifying = Array.isArray(p.identifying) ? p.identifying : [];
			if (identifying.length > 0) return high(`exports identifying data (${identifying.join(', ')})`);
			return medium(`exports ${String(p.format)}`);
		}
		case 'setting-change':
			if (typeof p.key === 'string' && rules.sensitiveSetting.test(p.key)) return high(`changes privacy or integrity setting ${p.key}`);
			return medium(`changes setting ${String(p.key)}`);
		case 'decision-undo':
			return medium('undoes a decision');
		case 'decision-redo':
			return medium('redoes a decision');
		case 'approval':
			return p.state === 'proposed' ? low() : medium(`${String(p.state)} decisions`);
		default:
			return low();
	}
}

const high = (reason: string): Risk => ({ level: 'high', reasons: [reason] });
const medium = (reason: string): Risk => ({ level: 'medium', reasons: [reason] });
const low = (): Risk => ({ level: 'low', reasons: [] });
