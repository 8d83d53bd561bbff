import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../src/knowledge/catalog.js';
import { xformName } from '../../src/knowledge/xform-name.js';
import { packagePath } from '../../src/paths.js';

/** (service, operation, method) triples generated with botocore's own xform_name (see the fixture's header). */
const fixture = JSON.parse(
  readFileSync(packagePath('test', 'fixtures', 'knowledge', 'xform-name-pairs.json'), 'utf8'),
) as {
  pairs: { service: string; operation: string; method: string }[];
};

describe('xformName', () => {
  it('has a table of at least 200 pairs across services, irregular ones included', () => {
    expect(fixture.pairs.length).toBeGreaterThanOrEqual(200);
    expect(new Set(fixture.pairs.map((p) => p.service)).size).toBeGreaterThanOrEqual(100);
    const operations = fixture.pairs.map((p) => p.operation);
    expect(operations).toEqual(
      expect.arrayContaining(['CreateCachediSCSIVolume', 'DescribeStorediSCSIVolumes', 'DescribeACLs']),
    );
  });

  it('matches botocore on every pair', () => {
    const wrong = fixture.pairs.filter((p) => xformName(p.operation) !== p.method);
    expect(wrong).toEqual([]);
  });

  it('handles the known irregular names', () => {
    expect(xformName('DescribeAutoMLJobV2')).toBe('describe_auto_ml_job_v2');
    expect(xformName('ListWebACLs')).toBe('list_web_acls');
    expect(xformName('DescribeDBInstances')).toBe('describe_db_instances');
    expect(xformName('CreateCachediSCSIVolume')).toBe('create_cached_iscsi_volume');
    expect(xformName('GetOTelEnrichment')).toBe('get_otel_enrichment');
    expect(xformName('already_snake')).toBe('already_snake');
    expect(xformName('DescribeDBInstances', '-')).toBe('describe-db-instances');
  });

  it('maps every pair back from method to operation through the catalog', () => {
    const catalog = defaultCatalog();
    const services = [...new Set(fixture.pairs.map((p) => p.service))];
    catalog.loadMany(services);
    const wrong = fixture.pairs.filter((p) => {
      const api = catalog.service(p.service);
      return api.resolveOperation(p.method) !== p.operation || api.methodOf(p.operation) !== p.method;
    });
    expect(wrong).toEqual([]);
  });
});
