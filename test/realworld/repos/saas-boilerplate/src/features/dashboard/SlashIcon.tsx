export const SlashIcon = () => (
  <svg
    className="
      size-8 stroke-muted-foreground
      max-sm:hidden
    "
    xmlns="http://www.w3.org/2000/svg"
    viewBox="0 0 24 24"
    fill="none"
    strokeLinecap="round"
    strokeLinejoin="round"
  >
    <path stroke="none" d="M0 0h24v24H0z" />
    <path d="M17 5 7 19" />
  </svg>
);
