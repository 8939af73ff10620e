import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

const config = [
  { ignores: [".next/**", ".bench/**", "bench/peer/**", "lib/generated/**", "node_modules/**", "test-results/**", "playwright-report/**", "data/**"] },
  ...nextCoreWebVitals,
  ...nextTypeScript,
];

export default config;
