// reference.js: the reference side of the diff cross-check (crosscheck.py). Reads on stdin a JSON list of
// {"pair", "before", "after"} (two output directories) and prints on stdout, for each pair, every
// CloudFormation JSON template of either side compared with @aws-cdk/cloudformation-diff's fullDiff (a
// template missing on one side is compared with an empty one, as a stack created or deleted):
//   {"<pair>": {"cloudformation/S.template.json": [{"id", "change": "added|removed|modified", "impact"}]}}
// One process for the whole corpus: loading the service spec database is most of the cost.
'use strict';
const fs = require('fs');
const path = require('path');
const { fullDiff } = require('@aws-cdk/cloudformation-diff');

function templates(dir) {
  const cfn = path.join(dir, 'cloudformation');
  if (!fs.existsSync(cfn)) return {};
  const out = {};
  for (const name of fs.readdirSync(cfn).filter((n) => n.endsWith('.template.json'))) {
    out[`cloudformation/${name}`] = JSON.parse(fs.readFileSync(path.join(cfn, name), 'utf8'));
  }
  return out;
}

function compare(before, after) {
  const out = [];
  fullDiff(before, after).resources.forEachDifference((id, change) => {
    const kind = change.isAddition ? 'added' : change.isRemoval ? 'removed' : 'modified';
    out.push({ id, change: kind, impact: change.changeImpact });
  });
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const pairs = JSON.parse(fs.readFileSync(0, 'utf8'));
const result = {};
for (const { pair, before, after } of pairs) {
  const a = templates(before);
  const b = templates(after);
  result[pair] = {};
  for (const file of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    result[pair][file] = compare(a[file] ?? {}, b[file] ?? {});
  }
}
process.stdout.write(JSON.stringify(result, null, 2) + '\n');
