// A saved `GET /v3/{project_id}/elb/flavors` response, indexed for the flavor rules.

export interface Flavor {
  id: string;
  name: string | undefined;
  type: string;
  soldOut: boolean;
}

export interface FlavorCatalog {
  /** Where the catalog came from, for messages. */
  source: string;
  byId: ReadonlyMap<string, Flavor>;
}
