import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** The Explorer ships as files built inside the image; none of its build tools reach the runtime. */
describe('the Explorer in the container image', () => {
  const dockerfile = read('Dockerfile');
  const [build, ...rest] = dockerfile.split(/^FROM /m).slice(1);
  const runtime = rest[rest.length - 1];

  it('is built in the build stage and copied alone into the runtime', () => {
    expect(build).toMatch(/^COPY web \.\/web$/m);
    expect(build).toMatch(/^RUN npm run build:web$/m);
    expect(runtime).toMatch(/^COPY --from=build \/app\/web\/dist \.\/web\/dist$/m);
  });

  it('keeps a host build out of the context but the sources in', () => {
    const ignored = read('.dockerignore').split('\n').map((line) => line.trim());
    expect(ignored).toContain('web/dist');
    expect(ignored).not.toContain('web');
  });

  it('needs no web library at run time: they are dev dependencies', () => {
    const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    for (const name of ['vite', '@vitejs/plugin-react', '@apollo/client', 'react-router-dom', 'cytoscape', 'playwright-core', 'axe-core']) {
      expect(pkg.devDependencies).toHaveProperty([name]);
      expect(pkg.dependencies).not.toHaveProperty([name]);
    }
  });
});
