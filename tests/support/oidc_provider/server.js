// A real OpenID Connect provider (panva/oidc-provider, OpenID certified) for the sign-in tests.
//
// It stands in for Microsoft Entra ID: ID tokens carry Entra's tid, oid and groups claims.
// Usage: node server.js CONFIG.json. CONFIG holds { clients: [...], accounts: { id: {...} } }.
// It listens on a free loopback port and prints "listening http://127.0.0.1:PORT".
// Signing in needs no form: POST /test/sign-in-as with the account id chooses who signs in
// next; an account with "disabled": true is refused with access_denied, as Entra refuses a
// disabled user.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import Provider from 'oidc-provider';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let nextAccount = null;

const server = http.createServer();
server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: config.clients,
    claims: {
      openid: ['sub', 'tid', 'oid', 'groups', 'roles'],
      email: ['email'],
      profile: ['name', 'given_name', 'family_name', 'preferred_username'],
    },
    conformIdTokenClaims: false, // Entra puts these claims in the ID token itself
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    cookies: { keys: ['test-only-cookie-key'] },
    async findAccount(ctx, id) {
      const account = config.accounts[id];
      if (!account) return undefined;
      return { accountId: id, async claims() { return { sub: id, ...account.claims }; } };
    },
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid profile email');
      await grant.save();
      return grant;
    },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  });

  server.on('request', async (req, res) => {
    if (req.method === 'POST' && req.url === '/test/sign-in-as') {
      let body = '';
      for await (const chunk of req) body += chunk;
      nextAccount = body.trim();
      res.writeHead(204).end();
      return;
    }
    if (req.url.startsWith('/interaction/')) {
      try {
        const account = config.accounts[nextAccount];
        const result = !account
          ? { error: 'access_denied', error_description: 'No such account' }
          : account.disabled
            ? { error: 'access_denied', error_description: 'The account is disabled' }
            : { login: { accountId: nextAccount } };
        await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
      } catch (error) {
        res.writeHead(500).end(String(error));
      }
      return;
    }
    provider.callback()(req, res);
  });
  console.log(`listening ${issuer}`);
});
