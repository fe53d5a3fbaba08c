import { lexicographicSortSchema } from 'graphql';
import { builder } from '../builder.js';
import './scalars.js';
import './accounts.js';
import './subjects.js';
import './websites.js';
import './orders.js';
import './filing.js';
import './change-filing.js';
import './provinces.js';
import './subscriptions.js';
import './hosting.js';
import './audit.js';
import './development.js';

/** The whole API, built once. Field order in the printed contract is alphabetical, so diffs stay small. */
export const schema = lexicographicSortSchema(builder.toSchema());
