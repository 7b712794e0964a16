export class ResourceInclude {
  entities?: boolean;
  gitRepository?: boolean;
  project?: boolean;
  resourceVersions?: boolean;
}
