// A scripted stand-in for the browser's `speechSynthesis` (Debian's Chromium has no voices here, and
// real speech cannot be listened to in a test): it records every utterance the app asks for, and
// the test says when each one ends, as a browser would when it has said it.
import type { Page } from "@playwright/test";

export type StandInVoice = { name: string; lang: string; localService: boolean; default?: boolean };

/** What the stand-in recorded of one utterance. */
export type Said = { text: string; lang: string; voice: string | null; rate: number };

export const DANIEL: StandInVoice = { name: "Daniel", lang: "en-GB", localService: true, default: true };
export const SAMANTHA: StandInVoice = { name: "Samantha", lang: "en-US", localService: true };
export const AROHA: StandInVoice = { name: "Aroha", lang: "mi-NZ", localService: true };
/** Chrome's voices that send the text to Google to be spoken. */
export const REMOTE: StandInVoice = { name: "Google UK English Female", lang: "en-GB", localService: false };

/**
 * Puts the stand-in in the page before the app starts. `voices` are offered at once, unless
 * `lateBy` (ms) is given: then none at first, and `voiceschanged` after that long, as Chrome does.
 */
export async function standInSpeech(page: Page, voices: StandInVoice[], lateBy?: number) {
  await page.addInitScript(
    ({ voices, lateBy }) => {
      const asVoice = (v: StandInVoice) => ({ voiceURI: v.name, name: v.name, lang: v.lang, localService: v.localService, default: !!v.default });
      let offered = lateBy === undefined ? voices.map(asVoice) : [];
      const said: Said[] = [];
      let queue: any[] = [];
      let current: any = null;
      let cancels = 0;
      const fire = (utterance: any, type: string, extra: object = {}) => {
        const event = Object.assign(new Event(type), { utterance, ...extra });
        utterance.dispatchEvent(event);
        utterance[`on${type}`]?.(event);
      };
      const next = () => {
        current = queue.shift() ?? null;
        if (current) fire(current, "start");
      };
      class Utterance extends EventTarget {
        text: string;
        lang = "";
        voice: any = null;
        rate = 1;
        pitch = 1;
        volume = 1;
        constructor(text = "") {
          super();
          this.text = text;
        }
      }
      const synth = Object.assign(new EventTarget(), {
        getVoices: () => offered.slice(),
        speak(utterance: any) {
          said.push({ text: utterance.text, lang: utterance.lang, voice: utterance.voice?.name ?? null, rate: utterance.rate });
          queue.push(utterance);
          if (!current) next();
        },
        cancel() {
          cancels += 1;
          const cut = [current, ...queue].filter(Boolean);
          current = null;
          queue = [];
          cut.forEach((utterance) => fire(utterance, "error", { error: "interrupted" }));
        },
        pause() {},
        resume() {},
        get speaking() {
          return current !== null;
        },
        get pending() {
          return queue.length > 0;
        },
        paused: false,
      });
      Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
      Object.defineProperty(window, "SpeechSynthesisUtterance", { value: Utterance, configurable: true, writable: true });
      if (lateBy !== undefined) {
        setTimeout(() => {
          offered = voices.map(asVoice);
          synth.dispatchEvent(new Event("voiceschanged"));
        }, lateBy);
      }
      (window as any).standInSpeech = {
        said,
        get cancels() {
          return cancels;
        },
        get speaking() {
          return current?.text ?? null;
        },
        /** The utterance being said comes to its end. */
        end() {
          const done = current;
          if (!done) return false;
          fire(done, "end");
          next();
          return true;
        },
      };
    },
    { voices, lateBy },
  );
}

/** Everything asked to be said so far. */
export const said = (page: Page): Promise<Said[]> => page.evaluate(() => (window as any).standInSpeech.said.slice());
/** The text being said now, or null. */
export const speaking = (page: Page): Promise<string | null> => page.evaluate(() => (window as any).standInSpeech.speaking);
/** How many times the app called `cancel()`. */
export const cancels = (page: Page): Promise<number> => page.evaluate(() => (window as any).standInSpeech.cancels);

/** Ends the utterance being said, and waits for the app to ask for the next (or to finish). */
export async function endUtterance(page: Page) {
  const before = (await said(page)).length;
  const ended = await page.evaluate(() => (window as any).standInSpeech.end());
  if (!ended) throw new Error("nothing was being said");
  // The app starts the next utterance a moment after the last one ends.
  await page.waitForFunction(
    (before) => (window as any).standInSpeech.said.length > before || !document.querySelector(".listen-now"),
    before,
  );
}
