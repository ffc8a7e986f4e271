import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
	path: string;
	headers: IncomingHttpHeaders;
	body: string;
}

export interface Receiver {
	/** `http://HOST:PORT` */
	url: string;
	port: number;
	received: Received[];
	/** TCP connections accepted, whether or not a request followed */
	connections: number;
	/** How the next requests are answered; 204 by default. */
	respond: (request: Received, res: ServerResponse) => void;
	close(): Promise<void>;
}

/** A real HTTP server on a loopback address that records what it receives. */
export async function startReceiver(host = '127.0.0.1'): Promise<Receiver> {
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const request = { path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
			receiver.received.push(request);
			receiver.respond(request, res);
		});
	});
	const receiver: Receiver = {
		url: '',
		port: 0,
		received: [],
		connections: 0,
		respond: (_request, res) => res.writeHead(204).end(),
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
	server.on('connection', () => (receiver.connections += 1));
	await new Promise<void>((resolve) => server.listen(0, host, resolve));
	receiver.port = (server.address() as AddressInfo).port;
	receiver.url = `http://${host.includes(':') ? `[${host}]` : host}:${receiver.port}`;
	return receiver;
}
