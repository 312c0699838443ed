export declare const SLOT_MINUTES: number;
export interface SlidePlan {
  number: number;
  headline: string;
  minutes: number | null;
  appendix: boolean;
}
export declare function slidePlan(markdown: string, options: { baseDir: string }): SlidePlan[];
export interface TalkPlan {
  main: { slides: number; minutes: number };
  appendix: { slides: number; minutes: number; headlines: string[] };
  problems: string[];
}
export declare function talkPlan(markdown: string, options: { baseDir: string }): TalkPlan;
