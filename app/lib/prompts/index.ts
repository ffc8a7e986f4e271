export { builtinVersion, PROMPT_DEFINITIONS, promptDefinition, type PromptId } from './builtin';
export { diffLines, type DiffLine } from './diff';
export { publishPrompts, readDocPrompts, PROMPTS_MAP, watchDocPrompts } from './doc';
export { buildPrompt, checkVariants, editPrompt, resolveVariant, rollbackPrompt, type Authorship } from './history';
export { exportPrompts, importPrompts, type PromptLibraryFile } from './json';
export { buildLibrary, getPrompt } from './library';
export { renderBody, renderTemplate, templateVariables } from './template';
export type * from './types';
