/** On whose behalf the producer platform calls: its key, its platform, and the producer organization it names. */
export interface ProducerCaller {
  apiKeyId: string;
  platform: string;
  organizationId: string;
}

/** What a bid change needs besides: links in the buyer's notifications are built from `publicUrl`. */
export interface BidChange {
  publicUrl: string;
  now?: Date;
}
