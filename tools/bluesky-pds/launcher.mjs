// Starts a Bluesky test network on loopback for Parvis's connector tests: PLC, PDS, AppView (bsky),
// bsync and Ozone, from npm @atproto/dev-env. The AppView and Ozone need PostgreSQL and Redis:
// this script creates a fresh PostgreSQL database (dropped at exit) and starts its own Redis
// (redis-server on a free port, no persistence). Prints one JSON line on stdout when ready:
//   {"pds": "http://localhost:…", "appview": "…", "plc": "…", "ozone": "…", "control": "http://127.0.0.1:…"}
// POST <control>/process makes the AppView index everything the PDS has sequenced so far.
// Stops on SIGTERM/SIGINT or when stdin closes (its parent went away).
// Environment: PARVIS_BSKY_POSTGRES_URL (admin connection, default
// postgres://postgres@127.0.0.1:5432/postgres; PGPASSWORD is honoured), PARVIS_BSKY_REDIS_SERVER
// (default redis-server on the PATH).
import { spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import pg from 'pg';
import { TestNetwork } from '@atproto/dev-env';

const log = (...args) => console.error('[bluesky-pds]', ...args);
const adminUrl = process.env.PARVIS_BSKY_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const database = `parvis_bsky_${Date.now()}_${process.pid}`;
let redis;
let network;
let control;
let stopping = false;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function admin(sql) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function startRedis() {
  const port = await freePort();
  const binary = process.env.PARVIS_BSKY_REDIS_SERVER || 'redis-server';
  redis = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'ignore', 'inherit'] });
  redis.on('exit', (code) => {
    if (!stopping) {
      log(`redis-server exited (${code})`);
      stop(1);
    }
  });
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => { socket.end(); resolve(true); });
      socket.on('error', () => resolve(false));
    });
    if (ok) return `127.0.0.1:${port}`;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('redis-server did not start');
}

async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  try { if (control) control.close(); } catch (e) { /* closing anyway */ }
  try { if (network) await network.close(); } catch (e) { log('close:', e.message); }
  try { if (redis) redis.kill('SIGTERM'); } catch (e) { /* already gone */ }
  try {
    await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } catch (e) { log('drop database:', e.message); }
  process.exit(code);
}

process.on('SIGTERM', () => stop(0));
process.on('SIGINT', () => stop(0));
process.stdin.on('end', () => stop(0));
process.stdin.on('error', () => stop(0));
process.stdin.resume();

try {
  await admin(`CREATE DATABASE "${database}"`);
  const base = new URL(adminUrl);
  base.pathname = `/${database}`;
  const redisHost = await startRedis();
  process.env.REDIS_HOST = redisHost;
  network = await TestNetwork.create({ dbPostgresUrl: base.toString(), dbPostgresSchema: 'parvis' });
  control = http.createServer(async (req, res) => {
    if (req.method === 'POST' && req.url === '/process') {
      try {
        await network.processAll();
        res.writeHead(200).end('ok');
      } catch (e) {
        res.writeHead(500).end(String(e.message));
      }
      return;
    }
    res.writeHead(404).end();
  });
  const controlPort = await freePort();
  await new Promise((r) => control.listen(controlPort, '127.0.0.1', r));
  console.log(JSON.stringify({
    pds: network.pds.url,
    appview: network.bsky.url,
    plc: network.plc.url,
    ozone: network.ozone.url,
    control: `http://127.0.0.1:${controlPort}`,
    database,
  }));
} catch (e) {
  log('could not start:', e.stack || e.message);
  await stop(1);
}
