export interface Framework {
  module: string;
  label: string;
  requirement: string;
  debian: string | null;
}
export interface Requirement {
  name: string;
  line: string;
  version: string | null;
}
export interface PythonEnv {
  python: string | null;
  state: 'override' | 'unavailable' | 'created' | 'updated' | 'reused';
  missing: string[];
}
export declare const workersDir: string;
export declare const defaultVenv: string;
export declare const defaultRequirements: string;
export declare const frameworks: readonly Framework[];
export declare function venvPython(venv: string): string;
export declare function normalizeName(name: string): string;
export declare function parseRequirements(text: string): Requirement[];
export declare function offeredBy(dir: string | null): Set<string>;
export declare function wheelFolder(env?: NodeJS.ProcessEnv): string | null;
export declare function addCommand(
  framework: Framework,
  context: { requirements: Requirement[]; venv: string; offline: boolean; debianPython: boolean; wheels: string | null },
): string;
export declare function probe(python: string): Record<string, string | null>;
export declare function ensurePythonEnv(options?: {
  env?: NodeJS.ProcessEnv;
  venv?: string;
  requirementsFile?: string;
  wheels?: string | null;
  basePythons?: string[];
  systemSitePackages?: boolean;
  log?: (line: string) => void;
}): PythonEnv;
