export type Auth0User = {
  data: {
    email: string;
  };
};
