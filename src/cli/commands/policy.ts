import { dump } from 'js-yaml';
import { policyOf } from '../../core/config/config.ts';
import { describePolicy } from '../../core/config/describePolicy.ts';
import { formatLocal } from '../../core/present/instant.ts';
import { loadValidIncidents } from '../../node/loadIncidents.ts';
import { listIncidentIds, readConfig } from '../../node/repository.ts';
import { oneOf, parseCommandArgs, parseNow, rootOf } from '../args.ts';
import { UsageError } from '../usageError.ts';
import { EXIT_OK, type Command } from '../io.ts';

export const policyCommand: Command = {
  help: `Usage: commlog policy INCIDENT [options]

The policy that judges an incident and where each part of it came from: the defaults, the
config, each policy change in force when the incident was opened, and the client's entry
(docs/configuration.md). The incident keeps this policy however long it stays open.

Options:
  --format FORMAT     text (default) or json
  --now TIME          as of TIME (default: now), for the loader's checks of future times
  --root DIR          the repository (default: the current directory)
  -h, --help          show this help
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('policy', argv, { format: { type: 'string' }, now: { type: 'string' } }, true);
    const root = rootOf(values, io.cwd);
    const format = oneOf('--format', values.format, ['text', 'json'] as const, 'text');
    if (positionals.length !== 1) throw new UsageError('name one incident: commlog policy INCIDENT');
    const [id] = positionals;
    if (!listIncidentIds(root).includes(id)) throw new UsageError(`unknown incident "${id}": no folder incidents/${id}`);
    const config = readConfig(root);
    const { incidents } = loadValidIncidents(root, config, parseNow(values.now, config.timezone), [id]);
    const incident = incidents[0];
    if (!incident) throw new UsageError(`incident "${id}" has an invalid incident.md: run commlog check ${id} to see why`);

    const resolved = policyOf(config, incident);
    const { layers, policy } = describePolicy(resolved);
    if (format === 'json') {
      io.stdout.write(`${JSON.stringify({ version: 1, incident: id, zone: incident.zone, layers, policy }, null, 2)}\n`);
      return EXIT_OK;
    }
    const layerLines = resolved.layers.map((layer) => {
      if (layer.name === 'config') return '  config        commlog.config.yaml';
      if (layer.since === undefined) return `  ${layer.name}`;
      const since = formatLocal(layer.since, config.timezone);
      return `  ${layer.name}  since ${since}${layer.note ? ` — ${layer.note}` : ''}`;
    });
    const yaml = dump(policy, { lineWidth: 120, flowLevel: 2, noRefs: true }).trimEnd();
    io.stdout.write(
      [`Policy of ${id} (client ${incident.client}, opened ${formatLocal(incident.openedAt, incident.zone)})`, '', 'Layers, in the order applied:', ...layerLines, '', 'Effective policy:', yaml.replace(/^/gm, '  '), '', `Zone: ${incident.zone}`, ''].join('\n'),
    );
    return EXIT_OK;
  },
};
