-- Indexes on foreign keys that the save and delete paths follow. H2 creates an index for every
-- foreign key by itself; PostgreSQL does not, so without these, deleting a mention or cue (which
-- sets attribution_hop.mention_id / cue_id to null, and AnnotationService looks the hops up first)
-- and the "claims attributed to this source" query scanned whole tables there.
create index ix_hop_mention on attribution_hop(mention_id);
create index ix_hop_cue on attribution_hop(cue_id);
create index ix_mention_source on mention(source_id);
create index ix_layer_owner on layer(owner_id, kind);
create index ix_api_token_user on api_token(user_id);
