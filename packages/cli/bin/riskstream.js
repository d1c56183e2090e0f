#!/usr/bin/env node
// The installed `riskstream` command. The TypeScript build writes dist/; run `npm run build` first.
require('../dist/main.js');
