#!/usr/bin/env node
'use strict';

/*
 * Peer benchmark, JavaScript side: the OFFICIAL QuickBlox JavaScript SDK (npm quickblox@2.23.0), N clients each
 * looping one operation against a QuickBlox-compatible server (the qbauth emulator), closed loop. Driven by the
 * Java PeerBenchmark (e2e-tests, exec:exec@peer), which runs the Java SDK the same way against the same emulator
 * and prints both sides; it can also be run by hand.
 *
 * Usage:
 *   node peer-bench.js <baseUrl> <appId> <authKey> <authSecret> <create|get> [clients=16] [warmupMs=2000]
 *        [measureMs=5000]
 *   create: each client loops QB.createSession (an application session: signed POST /session.json)
 *   get:    each client creates one session, then loops QB.getSession (GET /session.json with its token)
 *
 * Output: the SDK's own console noise goes nowhere; this script prints "# measuring" and "# measured" when the
 * measured window opens and closes (the driver reads the server's CPU time between them), then
 *   RESULT {"mode":..,"clients":..,"ops":..,"seconds":..,"opsPerSecond":..,"p50Micros":..,"p99Micros":..,
 *           "errors":..,"firstError":..,"cpuMicros":..}
 * Exit code 0 when no call failed, 1 when some did, 2 on bad usage.
 *
 * Harness adjustments to the SDK (nothing else is touched; as in journey.js):
 *  - Utils.getUrl / Utils.formatUrl build REST URLs on <baseUrl> (the SDK hard-codes https://).
 *  - Utils.randomNonce returns a counter from a random start instead of a draw from 0..9999: at a thousand
 *    creations per second the SDK's own nonces repeat within a second, and the server refuses a repeated
 *    (timestamp, nonce) pair with 422 "Nonce has already been used". The counter costs no more than the draw.
 * Each client is its own SDK instance (new QB.QuickBlox(), init), so each holds its own session; they share the
 * module-level config, which every init sets to the same values.
 */

const argv = process.argv.slice(2);
const BASE_URL = String(argv[0] || '').replace(/\/+$/, '');
const APP_ID = Number(argv[1]);
const AUTH_KEY = argv[2];
const AUTH_SECRET = argv[3];
const MODE = argv[4];
const CLIENTS = Number(argv[5] || 16);
const WARMUP_MS = Number(argv[6] || 2000);
const MEASURE_MS = Number(argv[7] || 5000);

if (!/^https?:\/\/[^/]+/.test(BASE_URL) || !Number.isInteger(APP_ID) || !AUTH_KEY || !AUTH_SECRET ||
    !['create', 'get'].includes(MODE) || !(CLIENTS > 0) || !(WARMUP_MS >= 0) || !(MEASURE_MS > 0)) {
    process.stderr.write('usage: node peer-bench.js <baseUrl> <appId> <authKey> <authSecret> <create|get> ' +
        '[clients] [warmupMs] [measureMs]\n');
    process.exit(2);
}

// the SDK logs on init and on failures: keep stdout for the RESULT line
const write = process.stdout.write.bind(process.stdout);
console.log = () => {};
console.warn = () => {};
console.info = () => {};
console.debug = () => {};

const QB = require('quickblox');
const Utils = require('quickblox/src/qbUtils.js');
const sdkConfig = require('quickblox/src/qbConfig.js');

Utils.getUrl = function (base, id) {
    return BASE_URL + '/' + base + (id ? '/' + id : '') + sdkConfig.urls.type;
};
Utils.formatUrl = function (base, id) {
    return BASE_URL + '/' + base + (id ? '/' + id : '');
};
let nonce = Math.floor(Math.random() * 1e9);
Utils.randomNonce = function () {
    nonce = nonce >= 2147483646 ? 1 : nonce + 1;
    return nonce;
};

function newClient() {
    const u = new URL(BASE_URL);
    const client = new QB.QuickBlox();
    client.init(APP_ID, AUTH_KEY, AUTH_SECRET, {
        endpoints: { api: u.host, chat: u.hostname },
        hash: 'sha1',
        timeout: 15000,
        debug: { mode: 0 }
    });
    return client;
}

function call(client, op) {
    return new Promise((resolve, reject) => {
        const done = (err, res) => (err ? reject(err) : resolve(res));
        if (op === 'create') {
            client.createSession(done);
        } else {
            client.getSession(done);
        }
    });
}

function describe(err) {
    try {
        return typeof err === 'string' ? err : JSON.stringify(err).slice(0, 300);
    } catch (e) {
        return String(err);
    }
}

async function main() {
    const clients = Array.from({ length: CLIENTS }, newClient);
    if (MODE === 'get') {
        for (const client of clients) {
            await call(client, 'create');
        }
    }
    let recording = false;
    let stop = false;
    let errors = 0;
    let firstError = null;
    const latencies = [];
    const loops = clients.map(async (client) => {
        while (!stop) {
            const start = process.hrtime.bigint();
            try {
                await call(client, MODE);
            } catch (err) {
                errors++;
                if (firstError === null) {
                    firstError = describe(err);
                }
                continue;
            }
            if (recording) {
                latencies.push(Number(process.hrtime.bigint() - start) / 1000);
            }
        }
    });
    await new Promise(resolve => setTimeout(resolve, WARMUP_MS));
    errors = 0;
    firstError = null;
    recording = true;
    write('# measuring\n');
    const cpuStart = process.cpuUsage();
    const started = process.hrtime.bigint();
    await new Promise(resolve => setTimeout(resolve, MEASURE_MS));
    recording = false;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = process.cpuUsage(cpuStart);
    write('# measured\n');
    const measuredErrors = errors;
    stop = true;
    await Promise.all(loops);
    latencies.sort((a, b) => a - b);
    const percentile = q => latencies.length === 0 ? 0
        : latencies[Math.max(0, Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1))];
    const result = {
        mode: MODE, clients: CLIENTS, ops: latencies.length, seconds,
        opsPerSecond: latencies.length / seconds,
        p50Micros: percentile(0.50), p99Micros: percentile(0.99),
        errors: measuredErrors, firstError,
        cpuMicros: cpu.user + cpu.system
    };
    write('RESULT ' + JSON.stringify(result) + '\n');
    process.exit(measuredErrors === 0 ? 0 : 1);
}

main().catch(err => {
    process.stderr.write('peer-bench failed: ' + describe(err) + '\n');
    process.exit(1);
});
