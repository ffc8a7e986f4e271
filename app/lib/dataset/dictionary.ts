/** Storage type of a variable as Sieve sees it. */
export type VarType = 'numeric' | 'string' | 'date' | 'datetime' | 'time';

export type Measure = 'nominal' | 'ordinal' | 'scale' | 'unknown';

/** What a variable is for in a survey; detected, then confirmed by the user (SPEC §3). */
export type Role =
	| 'id'
	| 'weight'
	| 'start'
	| 'end'
	| 'duration'
	| 'ip'
	| 'user-agent'
	| 'grid-item'
	| 'open-end'
	| 'screener'
	| 'attention-check'
	| 'demographic';

/** User-missing values: discrete values and/or one range; null bounds mean LOWEST / HIGHEST. */
export interface MissingSpec {
	values: (number | string)[];
	range: [number | null, number | null] | null;
}

export interface Variable {
	/** Column name in the DuckDB table, exactly as in the file. */
	name: string;
	label: string | null;
	type: VarType;
	/** Bytes for strings (SPSS width), 8 for numbers. */
	width: number;
	/** Display format, SPSS style: "F8.2", "A12", "DATE11", "DATETIME20". */
	format: string;
	measure: Measure;
	/** Value labels keyed by the code as text ("1", "M"). */
	valueLabels: Record<string, string>;
	missing: MissingSpec;
	role?: Role | null;
	alignment?: 'left' | 'right' | 'center';
	displayWidth?: number;
	attributes?: Record<string, string[]>;
	/** Write format as stored in the file (SPSS style), when it has one. */
	writeFormat?: string;
	/** SPSS's own variable role (VARIABLE ROLE), distinct from the survey role above. */
	spssRole?: 'input' | 'target' | 'both' | 'none' | 'partition' | 'split';
}

export interface MultipleResponseSet {
	name: string;
	label: string;
	kind: 'dichotomy' | 'category';
	countedValue?: string;
	variables: string[];
}

export interface Dictionary {
	variables: Variable[];
	/** Text encoding the file was decoded with ("UTF-8", "windows-1252"). */
	encoding: string;
	fileLabel?: string | null;
	documents?: string[];
	mrSets?: MultipleResponseSet[];
	/** Non-fatal problems met while reading, for the user. */
	warnings: string[];
	/** Data file attributes (SPSS DATAFILE ATTRIBUTE). */
	attributes?: Record<string, string[]>;
	/** Name of the weight variable, if the file is weighted. */
	weight?: string | null;
}

export const NO_MISSING: MissingSpec = Object.freeze({ values: [], range: null }) as MissingSpec;
