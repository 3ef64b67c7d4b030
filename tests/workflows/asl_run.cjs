// asl_run.cjs NODE_MODULES: runs one state machine execution with aws-local-stepfunctions (an ASL
// interpreter), every Task served by the caller over stdio.
//
// stdin, first line: {"definition": ..., "input": ..., "context": {"Execution": {...}}}.
// For each Task state entered it writes {"call": {"state", "resource", "input"}} on stdout and reads
// one line back: {"result": <the task's result>} or {"error": <ASL error name>, "cause": <text>}.
// Last line written: {"end": {"status": "SUCCEEDED"|"FAILED", "output" | "error" + "cause", "entered": [...]}}.
//
// What the interpreter (3.0.0, pinned by scripts/test.sh) lacks or gets wrong, patched here so that
// definitions run as Step Functions runs them:
//  - it calls Promise.withResolvers (Node 22) in every Task state: polyfilled on older Node;
//  - it has no JSONata and runs a JSONata Pass as a plain pass-through: each such state is rewritten
//    into a Task evaluated with the reference implementation (the jsonata package), $states bound to
//    the state's input and the execution's context;
//  - its JSONPath gives undefined for a filter or slice matching nothing and a bare object for a
//    single match, where Step Functions gives a list: such paths are evaluated as lists;
//  - "IsPresent": false is always false: it tests absence;
//  - $$.Execution.StartTime is the clock's time: it is the one the test gives.
'use strict';
const fs = require('fs');
const path = require('path');
const Module = require('module');
const readline = require('readline');

const modules = path.resolve(process.argv[2]);
if (!Promise.withResolvers) {
  Promise.withResolvers = function withResolvers() {
    let resolve, reject;
    const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
    return { promise, resolve, reject };
  };
}

// The interpreter's source with the JSONPath and IsPresent fixes applied; each patch must apply.
function patchedInterpreter() {
  const file = path.join(modules, 'aws-local-stepfunctions', 'build', 'main.node.cjs');
  let source = fs.readFileSync(file, 'utf8');
  const patch = (from, to) => {
    if (!source.includes(from)) throw new Error(`aws-local-stepfunctions changed: cannot patch "${from}"`);
    source = source.split(from).join(to);
  };
  // An indefinite path (filter, slice, wildcard, deep scan) yields a list, as in Step Functions.
  patch('evaluation = (0, import_jsonpath_plus.JSONPath)({ path: pathExpression, json, wrap: false });',
        'evaluation = (0, import_jsonpath_plus.JSONPath)({ path: pathExpression, json, wrap: /\\[\\?\\(|\\[[^\\]]*:|\\*|\\.\\./.test(pathExpression) });');
  patch('return IsPresentTrue && varValue !== void 0;', 'return IsPresentTrue === (varValue !== void 0);');
  // The execution starts when the test says, not at the clock's time.
  patch('StartTime: (/* @__PURE__ */ new Date()).toISOString()',
        'StartTime: options.runOptions?.context?.Execution?.StartTime ?? (/* @__PURE__ */ new Date()).toISOString()');
  const m = new Module(file, module);
  m.filename = file;
  m.paths = Module._nodeModulePaths(path.dirname(file));
  m._compile(source, file);
  return m.exports;
}

const { StateMachine } = patchedInterpreter();
const jsonata = require(path.join(modules, 'jsonata'));

const JSONATA_RESOURCE = 'drdb:jsonata';

// Rewrites the JSONata Pass states of a graph (and of its Map and Parallel graphs) into Tasks, and
// collects every Task state's resource and every Wait state, by name.
function prepare(graph, found) {
  if (graph.QueryLanguage === 'JSONata') throw new Error('a definition in JSONata as a whole is not supported by this harness');
  for (const [name, state] of Object.entries(graph.States)) {
    if (state.QueryLanguage === 'JSONata') {
      if (state.Type !== 'Pass' || Object.keys(state).some(k => !['Type', 'QueryLanguage', 'Output', 'Next', 'End', 'Comment'].includes(k)))
        throw new Error(`${name}: only JSONata Pass states with Output are supported by this harness`);
      const text = state.Output.trim();
      if (!text.startsWith('{%') || !text.endsWith('%}')) throw new Error(`${name}: Output is not a JSONata expression`);
      found.expressions[name] = jsonata(text.slice(2, -2));
      const task = { Type: 'Task', Resource: JSONATA_RESOURCE };
      if (state.Next) task.Next = state.Next; else task.End = true;
      graph.States[name] = task;
    }
    if (graph.States[name].Type === 'Task') found.tasks[name] = graph.States[name].Resource;
    if (state.Type === 'Wait') found.waits[name] = 0;  // waits take no time
    for (const inner of [state.ItemProcessor, state.Iterator, ...(state.Branches || [])]) if (inner) prepare(inner, found);
  }
}

async function main() {
  const lines = readline.createInterface({ input: process.stdin });
  const iterator = lines[Symbol.asyncIterator]();
  const next = async () => JSON.parse((await iterator.next()).value);
  const request = await next();
  const definition = request.definition;
  const found = { tasks: {}, expressions: {}, waits: {} };
  prepare(definition, found);
  const { tasks, expressions, waits } = found;

  // One call at a time: the caller answers in order.
  let queue = Promise.resolve();
  const call = (state, resource, input) => {
    const answer = queue.then(async () => {
      process.stdout.write(JSON.stringify({ call: { state, resource, input } }) + '\n');
      return next();
    });
    queue = answer.catch(() => {});
    return answer.then(reply => {
      if ('result' in reply) return reply.result;
      const error = new Error(reply.cause || '');
      error.name = reply.error;
      throw error;
    });
  };
  const handlers = {};
  for (const [name, resource] of Object.entries(tasks)) {
    handlers[name] = resource === JSONATA_RESOURCE
      ? input => expressions[name].evaluate({}, { states: { input, context: request.context } })
      : input => call(name, resource, input);
  }

  const machine = new StateMachine(definition, { validationOptions: { checkArn: false, checkPaths: false } });
  // Retries wait no time: the test controls what fails.
  const retries = Object.fromEntries(Object.keys(tasks).map(name => [name, 0]));
  const execution = machine.run(request.input, {
    overrides: { taskResourceLocalHandlers: handlers, waitTimeOverrides: waits, retryIntervalOverrides: retries },
    context: request.context,
  });
  const entered = [];
  const logging = (async () => {
    for await (const event of execution.eventLogs) {
      if (event.type === 'StateEntered') entered.push(event.state.name);
    }
  })();
  let end;
  try {
    end = { status: 'SUCCEEDED', output: await execution.result };
  } catch (error) {
    const cause = error.cause || error;
    end = { status: 'FAILED', error: cause.name, cause: cause.message };
  }
  await logging.catch(() => {});
  process.stdout.write(JSON.stringify({ end: { ...end, entered } }) + '\n');
  lines.close();
}

main().catch(error => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
