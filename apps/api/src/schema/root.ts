import { builder } from '../builder.ts';

// Everything requires a logged-in viewer unless a field opts out with skipTypeScopes (only `login`).
builder.queryType({ authScopes: { loggedIn: true } });
builder.mutationType({ authScopes: { loggedIn: true } });
builder.subscriptionType({ authScopes: { loggedIn: true } });
