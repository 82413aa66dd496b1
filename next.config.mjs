/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The demo engine and the watchdog are plain Node scripts spawned at run time, never bundled.
  outputFileTracingExcludes: { '*': ['./.data/**'] },
};

export default nextConfig;
