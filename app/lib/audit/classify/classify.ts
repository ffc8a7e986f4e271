import type { AuditEvent } from '../events';
import { riskOf, type RiskLevel } from '../risk';
import { CATEGORY_RULES, type Category } from './categories';
import { eventTokens } from './features';
import modelJson from './category-model.json';
import { predictCategory, type CategoryModel } from './model';

/** An event's category and risk, how sure we are, and whether a person should look. */
export type Classification = {
	category: Category;
	confidence: number;
	/** rule: a type this version writes; model: guessed from the payload of a type it does not know. */
	source: 'rule' | 'model';
	risk: RiskLevel;
	reasons: string[];
	review: boolean;
};

export const REVIEW_BELOW = 0.7;
const MODEL = modelJson as CategoryModel;
const CATEGORY_RISK: Record<Category, RiskLevel> = {
	'data-change': 'medium',
	configuration: 'medium',
	export: 'medium',
	access: 'low',
	collaboration: 'low'
};

/**
 * Known event types get their category and risk from fixed rules (confidence 1). Types this
 * version does not know (written by a newer app or another tool) are placed by a small naive
 * Bayes model over their payload; confidence is its probability times the share of the payload's
 * fields it recognises (an unfamiliar payload gives a low confidence); below 0.7 they are marked
 * for review, and their risk is at least medium while unsure.
 */
export function classifyEvent(e: Pick<AuditEvent, 'type' | 'payload'>, model: CategoryModel = MODEL): Classification {
	const known = CATEGORY_RULES[e.type as keyof typeof CATEGORY_RULES];
	if (known) {
		const { level, reasons } = riskOf(e);
		return { category: known, confidence: 1, source: 'rule', risk: level, reasons, review: false };
	}
	const { p, coverage } = predictCategory(model, eventTokens(e), true);
	const [category, probability] = (Object.entries(p) as [Category, number][]).sort((a, b) => b[1] - a[1])[0];
	// A guess from a payload whose fields the model mostly does not recognise is no surer than the recognised share.
	const confidence = probability * coverage;
	const review = confidence < REVIEW_BELOW;
	const identifying = Array.isArray(e.payload.identifying) && e.payload.identifying.length > 0;
	let risk: RiskLevel = identifying ? 'high' : CATEGORY_RISK[category];
	if (review && risk === 'low') risk = 'medium';
	const reasons = [
		`unknown event type ${e.type}: looks like ${category} (${Math.round(confidence * 100)}% sure)${review ? ', marked for review' : ''}`,
		...(identifying ? ['carries identifying variables'] : [])
	];
	return { category, confidence: Math.round(confidence * 1000) / 1000, source: 'model', risk, reasons, review };
}
