export const DemoBadge = () => (
  <div className="fixed right-20 bottom-0 z-10">
    <a
      href="https://nextjs-boilerplate.com/pro-saas-starter-kit"
    >
      <div className="
        rounded-md bg-gray-900 px-3 py-2 font-semibold text-gray-100
      "
      >
        <span className="text-gray-500">Demo of</span>
        {' SaaS Boilerplate'}
      </div>
    </a>
  </div>
);
