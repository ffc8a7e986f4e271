import type { Platform } from '../../roles/types';

/** How a platform export's extra header rows become names, labels and attributes. */
export interface HeaderPlan {
	platform: Platform;
	/** Header rows after the first; data starts after them. */
	extraRows: number;
	/** Variable names, one per column, before they are made unique. */
	names: string[];
	labels: (string | null)[];
	attributes: (Record<string, string[]> | null)[];
	/** Text columns holding the platform's own timestamp format, to type as datetimes. */
	datetimes?: { columns: number[]; formats: string[] };
	/** Questions spread over several columns (one per option or grid row): which columns, their sub-headers. */
	optionGroups?: { name: string; label: string; columns: number[]; options: string[] }[];
	/** For the dictionary's warnings: what was read as what. */
	warning: string;
}
