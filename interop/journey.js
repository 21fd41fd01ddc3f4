#!/usr/bin/env node
'use strict';

/*
 * Interop journey: drives the OFFICIAL QuickBlox JavaScript SDK (npm quickblox@2.23.0)
 * against a QuickBlox-compatible server (the qbauth emulator) and checks what the SDK
 * hands back to its caller.
 *
 * Usage:
 *   QB_BASE_URL=http://127.0.0.1:PORT QB_APP_ID=12345 QB_AUTH_KEY=... QB_AUTH_SECRET=... node journey.js
 *   node journey.js http://127.0.0.1:PORT 12345 authKey authSecret        (argv wins over env)
 * Optional env: QB_CALL_TIMEOUT_MS (per SDK call, default 5000),
 *               QB_TOTAL_TIMEOUT_MS (whole script, default 25000),
 *               QB_ACCOUNT_KEY (the server's account key: the account-settings steps fail without it).
 * The plan-limit step changes the server's limits through PUT /_emulator/limits (the qbauth
 * emulator's control endpoint) and switches them off again.
 *
 * Output: one line per step, "ok <step>" or "FAIL <step>: <detail>", then exactly
 * "N passed, M failed". Exit code 0 only if M == 0 (2 = bad usage, 3 = global timeout).
 * QB.init itself console.logs some noise; every line this script prints starts with
 * "ok ", "FAIL ", "# " or is the final summary.
 *
 * Harness adjustments to the SDK (nothing else is touched):
 *  - Utils.getUrl / Utils.formatUrl are replaced so that REST URLs are built on
 *    QB_BASE_URL (the SDK hard-codes https://; see the protocol doc, section 9.2).
 *  - Utils.randomNonce keeps the SDK's distribution (0..9999) but never repeats a value
 *    within one run, so a server that rejects (timestamp, nonce) replays cannot fail
 *    the journey by chance when two sessions are created within the same second.
 *  - QB.service.ajax is wrapped (pure delegation) to record the last request's params,
 *    so the sha256 step can check that a 64-hex signature was really sent.
 *  - ServiceProxy.prototype.ajax rewrites a URL on https://api.quickblox.com/ to QB_BASE_URL:
 *    QB.init with an account key reads https://api.quickblox.com/account_settings.json, a
 *    literal in the SDK (protocol doc, section 4.8); nothing else is sent there.
 */

// ---------------------------------------------------------------- arguments
const argv = process.argv.slice(2);
const BASE_URL = String(argv[0] || process.env.QB_BASE_URL || '').replace(/\/+$/, '');
const APP_ID_RAW = argv[1] || process.env.QB_APP_ID;
const AUTH_KEY = argv[2] || process.env.QB_AUTH_KEY;
const AUTH_SECRET = argv[3] || process.env.QB_AUTH_SECRET;
const CALL_TIMEOUT_MS = Number(process.env.QB_CALL_TIMEOUT_MS || 5000);
const TOTAL_TIMEOUT_MS = Number(process.env.QB_TOTAL_TIMEOUT_MS || 25000);

if (!/^https?:\/\/[^/]+/.test(BASE_URL) || !APP_ID_RAW || !AUTH_KEY || !AUTH_SECRET ||
    !/^\d+$/.test(String(APP_ID_RAW))) {
    console.error('usage: QB_BASE_URL=http://127.0.0.1:PORT QB_APP_ID=<number> QB_AUTH_KEY=<key> ' +
        'QB_AUTH_SECRET=<secret> node journey.js   (or: node journey.js <baseUrl> <appId> <authKey> <authSecret>)');
    process.exit(2);
}
const APP_ID = Number(APP_ID_RAW);

// ---------------------------------------------------------------- SDK loading + harness patches
const QB = require('quickblox');
const Utils = require('quickblox/src/qbUtils.js');
const sdkConfig = require('quickblox/src/qbConfig.js');
const ServiceProxy = require('quickblox/src/qbProxy.js');
const ACCOUNT_KEY = process.env.QB_ACCOUNT_KEY || '';
const SHARED_API_URL = 'https://api.quickblox.com/';

/** When set, REST URLs are built on the endpoint the SDK holds (discovered from account settings). */
let followSdkEndpoint = false;

Utils.getUrl = function (base, id) {
    const root = followSdkEndpoint ? 'http://' + sdkConfig.endpoints.api : BASE_URL;
    return root + '/' + base + (id ? '/' + id : '') + sdkConfig.urls.type;
};
const sdkProxyAjax = ServiceProxy.prototype.ajax;
ServiceProxy.prototype.ajax = function (params, callback) {
    if (params && typeof params.url === 'string' && params.url.indexOf(SHARED_API_URL) === 0) {
        params.url = BASE_URL + '/' + params.url.slice(SHARED_API_URL.length);
    }
    return sdkProxyAjax.call(this, params, callback);
};
Utils.formatUrl = function (base, id) {
    return BASE_URL + '/' + base + (id ? '/' + id : '');
};
const usedNonces = new Set();
const sdkRandomNonce = Utils.randomNonce;
Utils.randomNonce = function () {
    let n;
    do { n = sdkRandomNonce.call(Utils); } while (usedNonces.has(n) && usedNonces.size < 10000);
    usedNonces.add(n);
    return n;
};

let lastRequest = null;

/** (Re-)initialises the shared SDK singleton. All instances share one module-level config,
 *  so every key we rely on is passed explicitly each time. */
function initSdk(opts) {
    opts = opts || {};
    const u = new URL(BASE_URL);
    sdkConfig.creds.accountKey = '';   // the config is a module singleton: forget an earlier step's key
    // No account key: the config object must be the 4th argument (protocol doc 9.2).
    QB.init(APP_ID, AUTH_KEY, opts.authSecret || AUTH_SECRET, {
        endpoints: { api: u.host, chat: u.hostname },
        hash: opts.hash || 'sha1',
        timeout: CALL_TIMEOUT_MS,
        on: { sessionExpired: opts.sessionExpired || null },
        debug: { mode: 0 }
    });
    const service = QB.service;
    const origAjax = service.ajax;
    service.ajax = function (params, callback) {
        lastRequest = params;
        return origAjax.call(service, params, callback);
    };
}

// ---------------------------------------------------------------- tiny test harness
let passed = 0;
let failed = 0;

function out(line) { process.stdout.write(line + '\n'); }

class StepFailure extends Error {}

function fail(msg) { throw new StepFailure(msg); }

function show(v) {
    let s;
    try { s = JSON.stringify(v); } catch (e) { s = String(v); }
    if (s === undefined) s = String(v);
    return s.length > 400 ? s.slice(0, 400) + '...' : s;
}

function check(cond, msg) { if (!cond) fail(msg); }

/** Runs one SDK call with a hard per-call timeout. fn receives the SDK callback.
 *  Resolves {err, res} with the FIRST callback invocation (the SDK may call back twice
 *  if a callback throws inside its promise chain). */
function sdkCall(fn) {
    return new Promise((resolve, reject) => {
        let done = false;
        const timer = setTimeout(() => {
            if (!done) { done = true; reject(new StepFailure('no callback within ' + CALL_TIMEOUT_MS + ' ms')); }
        }, CALL_TIMEOUT_MS + 1000);
        try {
            fn(function (err, res) {
                if (done) return;
                done = true;
                clearTimeout(timer);
                resolve({ err: err, res: res });
            });
        } catch (e) {
            if (!done) { done = true; clearTimeout(timer); reject(e); }
        }
    });
}

async function step(name, body) {
    try {
        await body();
        passed++;
        out('ok ' + name);
    } catch (e) {
        failed++;
        const detail = e instanceof StepFailure ? e.message : ('unexpected exception: ' + (e && e.stack || e));
        out('FAIL ' + name + ': ' + String(detail).replace(/\s*\n\s*/g, ' | '));
    }
}

// ---------------------------------------------------------------- shape assertions
const TRANSPORT_HINT = ' (note: the SDK reports transport errors, e.g. connection refused or timeout, as success ' +
    'with an empty result)';

function expectNoError(r, what) {
    check(!r.err, what + ' failed: err=' + show(r.err));
}

function expectSession(s, what, expect) {
    check(s && typeof s === 'object', what + ': expected a session object, got ' + show(s) + TRANSPORT_HINT);
    check(typeof s.token === 'string' && s.token.length > 0, what + ': session.token is not a non-empty string: ' + show(s));
    check(s.application_id === APP_ID, what + ': session.application_id=' + show(s.application_id) + ', expected ' + APP_ID);
    check(Number.isInteger(s.id), what + ': session.id is not an integer: ' + show(s));
    check(Number.isInteger(s.user_id), what + ': session.user_id is not an integer: ' + show(s));
    check(Number.isInteger(s.nonce), what + ': session.nonce is not an integer: ' + show(s));
    check(Number.isInteger(s.ts), what + ': session.ts is not an integer: ' + show(s));
    check(typeof s.created_at === 'string' && typeof s.updated_at === 'string',
        what + ': session.created_at/updated_at missing: ' + show(s));
    if (expect && 'userId' in expect) {
        check(s.user_id === expect.userId, what + ': session.user_id=' + show(s.user_id) + ', expected ' + expect.userId);
    }
    if (expect && 'token' in expect) {
        check(s.token === expect.token, what + ': session.token=' + show(s.token) + ', expected ' + show(expect.token));
    }
    return s;
}

/** getSession / startSessionWithToken hand back the whole body {session:{...}}. */
function expectWrappedSession(res, what, expect) {
    check(res && typeof res === 'object' && res.session && typeof res.session === 'object',
        what + ': expected {session:{...}}, got ' + show(res) + TRANSPORT_HINT);
    return expectSession(res.session, what, expect);
}

function expectUser(u, what, expect) {
    check(u && typeof u === 'object', what + ': expected a user object, got ' + show(u) + TRANSPORT_HINT);
    check(Number.isInteger(u.id) && u.id > 0, what + ': user.id is not a positive integer: ' + show(u));
    check(!('password' in u), what + ': user object leaks a password field: ' + show(u));
    for (const k of Object.keys(expect || {})) {
        check(u[k] === expect[k], what + ': user.' + k + '=' + show(u[k]) + ', expected ' + show(expect[k]));
    }
    return u;
}

function expectError(r, what, code) {
    check(r.err, what + ': expected an error with HTTP ' + code + ', but the call succeeded with ' + show(r.res));
    check(r.err.code === code, what + ': expected error code ' + code + ', got ' + show(r.err) +
        (r.err.code === undefined ? ' (no code: the reply body was probably not JSON)' : ''));
    check(r.err.status === 'error', what + ': error.status is not "error": ' + show(r.err));
    return r.err;
}

function expectBaseError(err, what, message) {
    const base = err.detail && err.detail.base;
    check(Array.isArray(base) && base.indexOf(message) >= 0,
        what + ': expected detail {"base":[' + show(message) + ']} (body {"errors":{"base":[...]}}), got ' + show(err));
}

/** Waits for QB.ready() (the account-settings request), at most one call timeout. */
function sdkReady() {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new StepFailure('QB.ready() did not resolve within ' +
            CALL_TIMEOUT_MS + ' ms')), CALL_TIMEOUT_MS + 1000);
        QB.ready().then(() => { clearTimeout(timer); resolve(); }, (e) => { clearTimeout(timer); reject(e); });
    });
}

/** QB.init with an account key and the shared endpoints, as an application that discovers its server does. */
function initSdkWithAccountKey(accountKey, sessionExpired) {
    QB.init(APP_ID, AUTH_KEY, AUTH_SECRET, accountKey, {
        endpoints: { api: 'api.quickblox.com', chat: 'chat.quickblox.com' },
        hash: 'sha1',
        timeout: CALL_TIMEOUT_MS,
        on: { sessionExpired: sessionExpired || null },
        debug: { mode: 0 }
    });
}

/** PUT /_emulator/limits on the server (the qbauth emulator's control endpoint). */
async function putPlanLimits(limits) {
    const r = await fetch(BASE_URL + '/_emulator/limits', {
        method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(limits),
        signal: AbortSignal.timeout(CALL_TIMEOUT_MS)
    });
    const body = await r.text();
    check(r.status === 200, 'PUT /_emulator/limits ' + JSON.stringify(limits) + ' answered ' + r.status + ' ' + body);
}

function sameArray(a, b) {
    return Array.isArray(a) && a.length === b.length && a.every((x, i) => x === b[i]);
}

// ---------------------------------------------------------------- the journey
async function journey() {
    const suffix = Date.now().toString(36) + Math.floor(Math.random() * 1e6).toString(36);
    const login = 'jsi_' + suffix;
    const email = 'jsi+' + suffix + '@example.com';
    const password = 'jsPass12345';
    const fullName = 'JS Interop Q. User';

    const st = {};

    out('# journey against ' + BASE_URL + ' app ' + APP_ID + ' login ' + login);
    initSdk();

    await step('createSession (application session)', async () => {
        const r = await sdkCall(cb => QB.createSession(cb));
        expectNoError(r, 'createSession');
        // createSession hands back the bare session object (unwrapped).
        const s = expectSession(r.res, 'createSession', { userId: 0 });
        const stored = QB.service.getSession();
        check(stored && stored.token === s.token, 'createSession: the SDK did not store the new session: ' + show(stored));
        st.appToken = s.token;
    });

    await step('getSession (application session, user_id 0)', async () => {
        const r = await sdkCall(cb => QB.getSession(cb));
        expectNoError(r, 'getSession');
        expectWrappedSession(r.res, 'getSession', { userId: 0, token: st.appToken });
    });

    await step('users.create (sign up)', async () => {
        const r = await sdkCall(cb => QB.users.create({
            login: login, password: password, email: email, full_name: fullName, tag_list: 'tagA,tagB'
        }, cb));
        expectNoError(r, 'users.create');
        const u = expectUser(r.res, 'users.create', { login: login, email: email, full_name: fullName });
        check(u.user_tags === 'tagA,tagB', 'users.create: user.user_tags=' + show(u.user_tags) + ', expected "tagA,tagB"');
        st.userId = u.id;
    });

    await step('login', async () => {
        const r = await sdkCall(cb => QB.login({ login: login, password: password }, cb));
        expectNoError(r, 'login');
        // login hands back the bare user object.
        expectUser(r.res, 'login', { id: st.userId, login: login, email: email });
    });

    await step('getSession after login (user_id = user id)', async () => {
        const r = await sdkCall(cb => QB.getSession(cb));
        expectNoError(r, 'getSession');
        expectWrappedSession(r.res, 'getSession after login', { userId: st.userId, token: st.appToken });
    });

    await step('logout', async () => {
        const r = await sdkCall(cb => QB.logout(cb));
        expectNoError(r, 'logout');
        check(typeof r.res === 'string', 'logout: expected the (empty) text body, got ' + show(r.res));
    });

    await step('getSession after logout (user_id 0)', async () => {
        const r = await sdkCall(cb => QB.getSession(cb));
        expectNoError(r, 'getSession');
        expectWrappedSession(r.res, 'getSession after logout', { userId: 0, token: st.appToken });
    });

    await step('createSession with login+password (user session)', async () => {
        const r = await sdkCall(cb => QB.createSession({ login: login, password: password }, cb));
        expectNoError(r, 'createSession(login)');
        const s = expectSession(r.res, 'createSession(login)', { userId: st.userId });
        check(s.token !== st.appToken, 'createSession(login): got the same token as the application session');
        const g = await sdkCall(cb => QB.getSession(cb));
        expectNoError(g, 'getSession');
        expectWrappedSession(g.res, 'getSession on the login session', { userId: st.userId, token: s.token });
    });

    await step('createSession with email+password (user session)', async () => {
        const r = await sdkCall(cb => QB.createSession({ email: email, password: password }, cb));
        expectNoError(r, 'createSession(email)');
        expectSession(r.res, 'createSession(email)', { userId: st.userId });
    });

    await step('login with a wrong password is rejected (401 ["Unauthorized"])', async () => {
        // Start from a fresh application session so the 401 is about the credentials only.
        const c = await sdkCall(cb => QB.createSession(cb));
        expectNoError(c, 'createSession');
        expectSession(c.res, 'createSession', { userId: 0 });
        const r = await sdkCall(cb => QB.login({ login: login, password: 'WRONGpass999' }, cb));
        const err = expectError(r, 'login(wrong password)', 401);
        check(sameArray(err.detail, ['Unauthorized']),
            'login(wrong password): expected detail ["Unauthorized"] (body {"errors":["Unauthorized"]}), got ' + show(err));
    });

    await step('sign up with a taken login and a short password (422, both field errors)', async () => {
        const r = await sdkCall(cb => QB.users.create({ login: login, password: 'short' }, cb));
        const err = expectError(r, 'users.create(taken login, short password)', 422);
        const d = err.detail;
        check(d && typeof d === 'object' && !Array.isArray(d),
            'users.create: expected field-keyed detail {"login":[...],"password":[...]}, got ' + show(err));
        check(Array.isArray(d.login) && d.login.some(m => /already been taken/.test(m)),
            'users.create: expected detail.login to contain "has already been taken", got ' + show(d));
        check(Array.isArray(d.password) && d.password.some(m => /too short/.test(m)),
            'users.create: expected detail.password to contain "is too short (minimum is 8 characters)", got ' + show(d));
    });

    await step('createSession with a wrong auth secret is rejected (422 Unexpected signature)', async () => {
        initSdk({ authSecret: AUTH_SECRET + 'x' });
        try {
            const r = await sdkCall(cb => QB.createSession(cb));
            const err = expectError(r, 'createSession(bad signature)', 422);
            expectBaseError(err, 'createSession(bad signature)', 'Unexpected signature');
        } finally {
            initSdk();
        }
    });

    await step('destroySession', async () => {
        const c = await sdkCall(cb => QB.createSession(cb));
        expectNoError(c, 'createSession');
        const s = expectSession(c.res, 'createSession', { userId: 0 });
        st.destroyedToken = s.token;
        const r = await sdkCall(cb => QB.destroySession(cb));
        expectNoError(r, 'destroySession');
        check(QB.service.getSession() === null,
            'destroySession: the SDK did not clear its session: ' + show(QB.service.getSession()));
    });

    await step('getSession with the destroyed token (401 Required session does not exist)', async () => {
        check(st.destroyedToken, 'no destroyed token (destroySession step failed)');
        QB.service.setSession({ token: st.destroyedToken });
        const r = await sdkCall(cb => QB.getSession(cb));
        const err = expectError(r, 'getSession(destroyed token)', 401);
        expectBaseError(err, 'getSession(destroyed token)', 'Required session does not exist');
    });

    await step('startSessionWithToken with a live token', async () => {
        // A fresh user session's token, adopted by a "new" SDK state that knows nothing but the token.
        const c = await sdkCall(cb => QB.createSession({ login: login, password: password }, cb));
        expectNoError(c, 'createSession(login)');
        const s = expectSession(c.res, 'createSession(login)', { userId: st.userId });
        QB.service.setSession(null);
        const r = await sdkCall(cb => QB.startSessionWithToken(s.token, cb));
        expectNoError(r, 'startSessionWithToken');
        expectWrappedSession(r.res, 'startSessionWithToken', { userId: st.userId, token: s.token });
        const stored = QB.service.getSession();
        check(stored && stored.token === s.token, 'startSessionWithToken: SDK session is ' + show(stored));
    });

    await step('startSessionWithToken with a bogus token (401)', async () => {
        const bogus = 'deadbeef' + suffix + '0123456789abcdef0123456789';
        const r = await sdkCall(cb => QB.startSessionWithToken(bogus, cb));
        const err = expectError(r, 'startSessionWithToken(bogus)', 401);
        expectBaseError(err, 'startSessionWithToken(bogus)', 'Required session does not exist');
    });

    await step('createSession signed with HMAC-SHA256 (config.hash=sha256)', async () => {
        initSdk({ hash: 'sha256' });
        try {
            const r = await sdkCall(cb => QB.createSession(cb));
            const sig = lastRequest && lastRequest.data && lastRequest.data.signature;
            check(typeof sig === 'string' && /^[0-9a-f]{64}$/.test(sig),
                'sha256: the SDK did not send a 64-hex signature: ' + show(sig));
            expectNoError(r, 'createSession(sha256)');
            expectSession(r.res, 'createSession(sha256)', { userId: 0 });
            const u = await sdkCall(cb => QB.createSession({ login: login, password: password }, cb));
            expectNoError(u, 'createSession(sha256, login)');
            expectSession(u.res, 'createSession(sha256, login)', { userId: st.userId });
        } finally {
            initSdk();
        }
    });

    await step('on.sessionExpired hook re-creates the session and replays the call', async () => {
        const hook = { calls: 0, newToken: null };
        initSdk({
            sessionExpired: function (handleResponse, retry) {
                hook.calls++;
                if (hook.calls > 1) { handleResponse(); return; } // never loop
                QB.createSession(function (e, session) {
                    if (e || !session || !session.token) { handleResponse(); return; }
                    hook.newToken = session.token;
                    retry(session);
                });
            }
        });
        try {
            const c = await sdkCall(cb => QB.createSession(cb));
            expectNoError(c, 'createSession');
            const dead = expectSession(c.res, 'createSession', { userId: 0 }).token;
            const d = await sdkCall(cb => QB.destroySession(cb));
            expectNoError(d, 'destroySession');
            QB.service.setSession({ token: dead });
            const r = await sdkCall(cb => QB.getSession(cb));
            check(hook.calls === 1, 'sessionExpired hook was called ' + hook.calls +
                ' times (expected once: the 401 body must contain "session does not exist"); result ' + show(r));
            expectNoError(r, 'replayed getSession');
            check(hook.newToken && hook.newToken !== dead, 'hook did not obtain a new token');
            expectWrappedSession(r.res, 'replayed getSession', { userId: 0, token: hook.newToken });
        } finally {
            initSdk();
        }
    });

    await step('QB.init with an account key reads GET /account_settings.json and uses the endpoint it announces', async () => {
        check(ACCOUNT_KEY, 'QB_ACCOUNT_KEY is not set');
        const u = new URL(BASE_URL);
        initSdkWithAccountKey(ACCOUNT_KEY);
        try {
            await sdkReady();
            check(sdkConfig.endpoints.api === u.host, 'endpoints.api after account settings is ' +
                show(sdkConfig.endpoints.api) + ', expected the announced ' + show(u.host));
            check(sdkConfig.endpoints.chat === 'chat.quickblox.com', 'endpoints.chat is ' + show(sdkConfig.endpoints.chat));
            followSdkEndpoint = true;   // REST calls now go where the SDK was told to go
            const r = await sdkCall(cb => QB.createSession(cb));
            expectNoError(r, 'createSession on the discovered endpoint');
            expectSession(r.res, 'createSession on the discovered endpoint', { userId: 0 });
        } finally {
            followSdkEndpoint = false;
            initSdk();
        }
    });

    await step('QB.init with a rejected account key (401) keeps api.quickblox.com without an error', async () => {
        initSdkWithAccountKey('not-the-account-key');
        try {
            await sdkReady();
            check(sdkConfig.endpoints.api === 'api.quickblox.com', 'endpoints.api after a rejected account key is ' +
                show(sdkConfig.endpoints.api) + ': the SDK gives no other sign of the 401');
        } finally {
            initSdk();
        }
    });

    await step('plan limit: createSession over it is an error with code 429 and detail ["Too Many Requests"]', async () => {
        // one creation per hour: the second or (if an hour boundary falls between two calls) the third is refused
        await putPlanLimits({ session_creations: 1, session_creation_window_seconds: 3600 });
        const hook = { calls: 0 };
        initSdk({ sessionExpired: function (handleResponse) { hook.calls++; handleResponse(); } });
        try {
            let refused = null;
            for (let i = 0; i < 3 && !refused; i++) {
                const r = await sdkCall(cb => QB.createSession(cb));
                if (r.err) refused = r;
            }
            check(refused, 'three session creations within one window were all accepted');
            const err = expectError(refused, 'createSession over the plan limit', 429);
            check(sameArray(err.detail, ['Too Many Requests']),
                'expected detail ["Too Many Requests"] (body {"errors":["Too Many Requests"]}), got ' + show(err));
            check(hook.calls === 0, 'the sessionExpired hook ran ' + hook.calls + ' times for a 429');
            out('# the JS SDK hands a plan-limit refusal to its caller as ' + show(err) +
                ' (Retry-After is not exposed; the SDK does not retry)');
        } finally {
            initSdk();
            await putPlanLimits({});
        }
    });
}

const globalTimer = setTimeout(() => {
    out('FAIL journey: global timeout after ' + TOTAL_TIMEOUT_MS + ' ms');
    out(passed + ' passed, ' + (failed + 1) + ' failed');
    process.exit(3);
}, TOTAL_TIMEOUT_MS);

journey().then(() => {
    clearTimeout(globalTimer);
    out(passed + ' passed, ' + failed + ' failed');
    process.exit(failed === 0 ? 0 : 1);
}, (e) => {
    clearTimeout(globalTimer);
    out('FAIL journey: ' + (e && e.stack || e));
    out(passed + ' passed, ' + (failed + 1) + ' failed');
    process.exit(1);
});
