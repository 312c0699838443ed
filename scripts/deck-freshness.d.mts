export declare const builtDeck: string;
export declare function deckIsStale(): boolean;
