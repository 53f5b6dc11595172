// Import-boundary rule for CarbonBridge (ESLint flat-config local plugin).
//
// Each zone names the files it governs (`from`: path prefixes relative to the repository root, minus `except`) and
// what those files may not import (`forbid`): a path prefix inside the repository (`path`, resolved from relative
// specifiers, with or without extension, directory imports included) or a bare module name (`module`, a regular
// expression matched against the specifier, e.g. '^svelte(/|$)' or '^node:').
// Zones are independent: a file in src/core/io is checked against the src/core zone and the src/core/io zone.
import path from 'node:path';

/** @param {string} p */
const slash = (p) => p.split(path.sep).join('/');

/** `rel` is `prefix` itself, a file or folder below it, or `prefix` plus an extension. */
function under(rel, prefix) {
  const p = prefix.replace(/\/$/, '');
  return rel === p || rel.startsWith(p + '/') || rel.startsWith(p + '.');
}

/** @type {import('eslint').Rule.RuleModule} */
const boundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the import boundaries between core, UI and CLI' },
    schema: [
      {
        type: 'object',
        properties: {
          zones: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                name: { type: 'string' },
                from: { type: 'array', items: { type: 'string' } },
                except: { type: 'array', items: { type: 'string' } },
                forbid: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      path: { type: 'string' },
                      module: { type: 'string' },
                      unless: { type: 'array', items: { type: 'string' } },
                      message: { type: 'string' },
                    },
                    additionalProperties: false,
                  },
                },
              },
              required: ['name', 'from', 'forbid'],
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      forbidden: '[{{zone}}] "{{spec}}" is not allowed here: {{message}}',
    },
  },
  create(context) {
    const zones = context.options[0]?.zones ?? [];
    const root = context.cwd;
    const file = slash(path.relative(root, context.filename));
    const active = zones.filter((z) => z.from.some((f) => under(file, f)) && !(z.except ?? []).some((e) => under(file, e)));
    if (active.length === 0) return {};

    /** @param {import('estree').Node | null | undefined} node */
    function check(node) {
      if (!node || node.type !== 'Literal' || typeof node.value !== 'string') return;
      const spec = node.value;
      const rel = spec.startsWith('.') ? slash(path.relative(root, path.resolve(path.dirname(context.filename), spec))) : undefined;
      for (const z of active) {
        for (const f of z.forbid) {
          const hit =
            f.path !== undefined ? rel !== undefined && under(rel, f.path) : f.module !== undefined && rel === undefined && new RegExp(f.module).test(spec);
          if (!hit) continue;
          if (rel !== undefined && (f.unless ?? []).some((u) => under(rel, u))) continue;
          context.report({ node, messageId: 'forbidden', data: { zone: z.name, spec, message: f.message ?? '' } });
        }
      }
    }
    return {
      ImportDeclaration: (n) => check(n.source),
      ExportNamedDeclaration: (n) => check(n.source),
      ExportAllDeclaration: (n) => check(n.source),
      ImportExpression: (n) => check(n.source),
    };
  },
};

export default { meta: { name: 'carbonbridge' }, rules: { boundaries } };
