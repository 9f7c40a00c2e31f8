export declare const chromiumPath: string;
export declare const hasChromium: boolean;
export declare const chromiumMissing: string;
