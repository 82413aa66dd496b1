// The calm drop target that covers the window while images are dragged over the chat. It sits inside the
// dropzone's root, so a drop anywhere on it lands in the chat.
import { ImageIcon } from '@/components/ui/icons';

export interface DropOverlayProps {
  maxImages: number;
}

export function DropOverlay({ maxImages }: DropOverlayProps) {
  return (
    <div
      data-testid="drop-overlay"
      className="fixed inset-0 z-50 flex items-center justify-center bg-background/75 p-6 backdrop-blur-[2px]"
    >
      <div className="flex w-full max-w-md flex-col items-center gap-2 rounded-2xl border-2 border-dashed border-primary/50 bg-card/90 px-6 py-10 text-center shadow-lg">
        <ImageIcon size={32} className="text-primary" />
        <p className="text-base font-medium">Drop images to attach them</p>
        <p className="text-sm text-muted-foreground">
          PNG, JPEG, WebP, GIF or BMP · up to {maxImages} per message
        </p>
      </div>
    </div>
  );
}
