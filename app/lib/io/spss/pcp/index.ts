export { openPcp, type OpenPcpOptions, type PcpProgress, type PcpReader } from './pcp-reader';
export { isPcpHead } from './pcp-dictionary';
