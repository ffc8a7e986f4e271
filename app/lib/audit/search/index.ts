export { buildSearchIndex, type SearchIndex } from './build';
export { searchEvents, type SearchHit, type SearchResult, type FieldMatch, type SearchOptions } from './search';
