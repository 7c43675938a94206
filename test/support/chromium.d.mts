/** Path of the Chromium every test layer uses. */
export declare const chromiumPath: string;
/** Launch flags every test layer passes to Chromium. */
export declare const chromiumArgs: string[];
