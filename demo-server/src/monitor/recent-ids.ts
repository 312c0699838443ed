/** The last `capacity` ids seen, for membership checks in O(1) with fixed memory. */
export class RecentIds {
  private readonly ring: Array<string | undefined>;
  private readonly members = new Set<string>();
  private next = 0;

  constructor(capacity: number) {
    this.ring = new Array<string | undefined>(capacity);
  }

  has(id: string): boolean {
    return this.members.has(id);
  }

  add(id: string): void {
    const evicted = this.ring[this.next];
    if (evicted !== undefined) this.members.delete(evicted);
    this.ring[this.next] = id;
    this.members.add(id);
    this.next = (this.next + 1) % this.ring.length;
  }

  clear(): void {
    this.ring.fill(undefined);
    this.members.clear();
    this.next = 0;
  }
}
